from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The benchmark (`make benchmark`): it builds and measures every domain app, so it lives beside them
    rather than in `academy/`, the infrastructure that imports none of them. Installed by the bench settings
    only."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
