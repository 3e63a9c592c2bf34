from wagtail.admin.panels import Panel


class InstrumentStatsPanel(Panel):
    """Read-only: how often the sheet was downloaded and the state of its PDF, for the trainer."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "handelingsrepertoire/admin/stats_panel.html"

        def get_context_data(self, parent_context=None):
            from .selectors import instrument_stats

            context = super().get_context_data(parent_context)
            context.update(instrument_stats(page=self.instance))
            return context
