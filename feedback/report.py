"""The numbers behind the feedback report: per chapter and language, over time."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek

from wagtail.models import Page


@dataclass
class ReportRow:
    """Feedback on one chapter in one language."""

    guide: str
    chapter: str
    chapter_id: int
    language_code: str
    useful: int
    not_useful: int
    comments: int

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language_code, self.language_code)

    @property
    def total(self):
        return self.useful + self.not_useful

    @property
    def useful_percent(self):
        return round(100 * self.useful / self.total) if self.total else None


def feedback_rows(feedback):
    """Report rows for a filtered feedback queryset, in a constant number of queries."""
    counts = list(
        feedback.values("page_id", "language_code")
        .annotate(
            useful_count=Count("pk", filter=Q(useful=True)),
            not_useful_count=Count("pk", filter=Q(useful=False)),
            comment_count=Count("pk", filter=~Q(comment="")),
        )
        .order_by()
    )
    pages = Page.objects.in_bulk({row["page_id"] for row in counts})
    parent_paths = {page.path[: -page.steplen] for page in pages.values()}
    parents = {page.path: page.title for page in Page.objects.filter(path__in=parent_paths).only("path", "title")}
    rows = [
        ReportRow(
            guide=parents.get(pages[row["page_id"]].path[: -pages[row["page_id"]].steplen], ""),
            chapter=pages[row["page_id"]].title,
            chapter_id=row["page_id"],
            language_code=row["language_code"],
            useful=row["useful_count"],
            not_useful=row["not_useful_count"],
            comments=row["comment_count"],
        )
        for row in counts
    ]
    return sorted(rows, key=lambda row: (row.guide.lower(), row.chapter.lower(), row.language_code))


def totals(rows):
    useful = sum(row.useful for row in rows)
    not_useful = sum(row.not_useful for row in rows)
    return ReportRow("", "", 0, "", useful, not_useful, sum(row.comments for row in rows))


def weekly_chart(feedback, weeks=12, width=640, height=180):
    """Bars per week for the SVG chart: useful stacked on not useful, scaled to the busiest week."""
    by_week = {
        row["week"].date(): row
        for row in feedback.annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(useful_count=Count("pk", filter=Q(useful=True)), not_useful_count=Count("pk", filter=Q(useful=False)))
        .order_by("week")
    }
    if not by_week:
        return None
    last = max(by_week)
    first = last - timedelta(weeks=weeks - 1)
    tallest = max(row["useful_count"] + row["not_useful_count"] for row in by_week.values())
    bar_width = width / weeks
    plot_height = height - 30
    bars = []
    for index in range(weeks):
        week = first + timedelta(weeks=index)
        row = by_week.get(week, {"useful_count": 0, "not_useful_count": 0})
        useful_height = plot_height * row["useful_count"] / tallest
        not_useful_height = plot_height * row["not_useful_count"] / tallest
        bars.append(
            {
                "week": week,
                "x": round(index * bar_width + 4, 1),
                "width": round(bar_width - 8, 1),
                "useful": row["useful_count"],
                "not_useful": row["not_useful_count"],
                "useful_y": round(plot_height - useful_height, 1),
                "useful_height": round(useful_height, 1),
                "not_useful_y": round(plot_height - useful_height - not_useful_height, 1),
                "not_useful_height": round(not_useful_height, 1),
                "label_y": height - 10,
                "label_x": round(index * bar_width + bar_width / 2, 1),
            }
        )
    return {"bars": bars, "width": width, "height": height, "tallest": tallest, "baseline": plot_height}
