"""Test data for the FitnessScan: a published scan and completed results."""

from home.demo import ensure_home
from questionnaires.forms import statement_field_name
from questionnaires.scoring import Band

from . import selectors, services
from .models import FactorAdvice, FitnessScanPage, ScanResponse
from .models import ScanStatement as Statement


def scan_page_create(
    *, factors: dict, statements_per_factor: int = 2, with_advice: bool = True
) -> FitnessScanPage:
    """A published FitnessScan under the home page; every factor's last statement is reverse-scored."""
    home = ensure_home()
    page = FitnessScanPage(title="FitnessScan", slug="fitnessscan")
    home.add_child(instance=page)
    page.statements = [
        Statement(
            factor=factor,
            text=f"Stelling {index} over {factor.name}",
            reverse_scored=index == statements_per_factor and statements_per_factor > 1,
        )
        for factor in factors.values()
        for index in range(1, statements_per_factor + 1)
    ]
    if with_advice:
        page.advice = [
            FactorAdvice(factor=factor, band=band, text=f"<p>Advies {band} voor {factor.name}</p>")
            for factor in factors.values()
            for band in Band.values
        ]
    page.save_revision().publish()
    return FitnessScanPage.objects.get(pk=page.pk)


def completed_response_create(
    *, page: FitnessScanPage, user, value: int | None = 4, completed_at=None
) -> ScanResponse:
    """A completed result with the same answer to every statement."""
    statements = [s for step in selectors.scan_steps(page=page) for s in step.statements]
    response = services.response_create(page=page, user=user)
    services.step_save(response=response, statements=statements, answers={s.key: value for s in statements})
    return services.response_complete(response=response, statements=statements, completed_at=completed_at)


def step_post_data(step: selectors.Step, value: str = "4") -> dict:
    """The form data of a step with the same answer to each statement ("x" is "don't know")."""
    return {statement_field_name(statement): value for statement in step.statements}
