"""The questionnaire engine: one way to ask people statements per success factor and score them.

The FitnessScan (`fitnessscan/`) and the collaboration scan (`collaborations/`) are uses of it; a
360° feedback round is meant to be the next. The engine owns what is the same in every questionnaire:

- `models.StatementBase` / `models.AnswerBase`: abstract models. A statement has a stable `key`, a
  success factor, its text and whether it is reverse-scored; an answer keeps the statement *as it was
  asked* (key, text, factor, reverse_scored) and a `value` 1–5, or empty for "don't know".
  `models.answer_on_scale(name)` is the check constraint for the value.
- `steps`: one `Step` per success factor (`steps_by_factor`), `first_incomplete_step` to resume at.
- `forms.StepForm`: the radio scale plus "don't know" for the statements of one step; it refuses
  answers to statements that are not in the step. `forms.initial_answers` fills it in again.
- `services.answers_save`: stores a step's answers in one upsert (one answer per statement and owner).
- `scoring`: pure functions: 1–5 → 0–100, reverse scoring, factor and overall means, bands, the
  weakest factors, change since a previous measurement.
- `aggregates`: the same scoring as database expressions, for aggregates over many people
  (`statement_score`, `counted_value`) without loading answers into Python.
- `privacy.is_visible`: the privacy threshold (k): a group's numbers show only when at least k people
  answered.
- `charts`: server-side SVG (radar chart) with a description for screen readers; templates
  `questionnaires/includes/statement_fieldset.html` (one statement with the scale) and
  `questionnaires/includes/change.html` (▲/▼ change); styles in `static/css/questionnaire.css`.

A second questionnaire defines its own concrete models (a statement set, a response or participant,
and `class Answer(AnswerBase)` with a foreign key to its owner and a unique constraint on
(owner, statement_key)), builds its steps with `steps.steps_by_factor(statements)`, renders each step
with `StepForm` and the statement include, saves with `services.answers_save(...)`, and aggregates
with `aggregates.statement_score()` grouped by whatever it compares (partner, world, round), showing a
group only when `privacy.is_visible(respondents, minimum=k)`.
"""
