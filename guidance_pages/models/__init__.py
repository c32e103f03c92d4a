from guidance_pages.models.media import CaptionTrack
from guidance_pages.models.pages import (
    GuideChapterPage,
    GuideContributor,
    GuideIndexPage,
    GuidePage,
    HomePage,
    StandardPage,
)
from guidance_pages.models.snippets import Contributor, FooterText, GlossaryTerm, NavigationMenu

__all__ = [
    "CaptionTrack",
    "Contributor",
    "FooterText",
    "GlossaryTerm",
    "GuideChapterPage",
    "GuideContributor",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "NavigationMenu",
    "StandardPage",
]
