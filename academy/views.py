from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import run_checks


@never_cache
@require_GET
def healthz(request):
    healthy, checks = run_checks()
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "checks": checks,
            "database_vendor": connection.vendor,
        },
        status=200 if healthy else 503,
    )


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    # Rendered without context processors' database work: the database may be why we are here.
    return render(request, "500.html", status=500)
