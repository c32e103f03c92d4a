"""Each page type can be created only where it belongs, so editors cannot build a broken site."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from guidance_pages.models import GuideChapterPage, GuideIndexPage, GuidePage, HomePage, StandardPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {GuideIndexPage, StandardPage})

    def test_guide_index_sits_under_the_home_page_and_holds_guides(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})

    def test_guide_sits_in_the_guide_list_and_holds_chapters(self):
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, {GuideChapterPage})

    def test_chapter_belongs_to_a_guide_and_has_no_children(self):
        self.assertAllowedParentPageTypes(GuideChapterPage, {GuidePage})
        self.assertAllowedSubpageTypes(GuideChapterPage, set())

    def test_standard_page_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())

    def test_chapter_cannot_be_created_directly_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, GuideChapterPage)
        self.assertCanNotCreateAt(GuideIndexPage, GuideChapterPage)
        self.assertCanCreateAt(GuidePage, GuideChapterPage)

    def test_guide_cannot_be_created_outside_the_guide_list(self):
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(GuidePage, GuidePage)
        self.assertCanCreateAt(GuideIndexPage, GuidePage)

    def test_a_home_page_allows_only_one_guide_list(self):
        home = HomePage.objects.get(locale__language_code="en")
        assert GuideIndexPage.objects.child_of(home).exists()
        assert not GuideIndexPage.can_create_at(home)
        assert StandardPage.can_create_at(home)
