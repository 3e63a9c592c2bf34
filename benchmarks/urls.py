"""The site's URLs plus a bare view: the benchmark's yardstick for what a page costs without Wagtail."""

from django.shortcuts import render
from django.urls import path

from academy.urls import urlpatterns as site_urlpatterns


def bare(request):
    blocks = min(int(request.GET.get("n", "60") or 60), 1000)
    return render(request, "bench/bare.html", {"items": range(blocks)})


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
