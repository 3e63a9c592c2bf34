"""The lesson page is rendered once per revision as a shell and filled in per professional.

What a professional must never notice: another professional's name, answers, progress or CSRF token on
their page; content that is stale after a trainer publishes; a marker left in the HTML.
"""

import pytest
from django.test import Client
from django.test.signals import template_rendered
from wagtail.models import Site

from accounts.factories import UserFactory
from courses import services
from courses.factories import build_course, lessons_of
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return build_course(title="Vertrouwen", modules=2, lessons=2, sequential=True)


@pytest.fixture
def lessons(course):
    return lessons_of(course)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def reflection_id(lesson) -> str:
    return next(block.id for block in lesson.body if block.block_type == "reflection")


def enrolled(course, **fields):
    user = UserFactory(**fields)
    services.enrolment_create(user=user, course=course)
    return user


def templates_rendered(client, url) -> list[str]:
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        response = client.get(url)
    finally:
        template_rendered.disconnect(record)
    assert response.status_code == 200
    return names


def test_two_professionals_each_see_only_their_own_page(course, lessons):
    anna = enrolled(course, first_name="Anna", last_name="Aalbers", email="anna@example.org")
    bram = enrolled(course, first_name="Bram", last_name="Bakker", email="bram@example.org")
    lesson = lessons[0]
    services.item_complete(user=anna, item=lesson)
    services.journal_save(user=anna, lesson=lesson, block_id=reflection_id(lesson), answer="Anna's <geheim>")
    anna_client, bram_client = client_for(anna), client_for(bram)

    anna_html = anna_client.get(lesson.url).content.decode()
    bram_html = bram_client.get(lesson.url).content.decode()

    assert "Anna Aalbers" in anna_html and "Anna&#x27;s &lt;geheim&gt;" in anna_html
    assert "Je hebt deze les afgerond" in anna_html
    assert "Bram Bakker" in bram_html
    for personal in ("Anna", "geheim", "anna@example.org", anna_client.cookies["csrftoken"].value):
        assert personal not in bram_html
    assert "Les afgerond" in bram_html and "Je hebt deze les afgerond" not in bram_html
    # Anna's progress in the navigation and the progress bar; Bram has done nothing yet.
    assert (
        f'lesson-nav__item--done">\n                        <span aria-current="page"><strong>{lesson.title}'
        in anna_html
    )
    assert 'aria-valuenow="25"' in anna_html and 'aria-valuenow="0"' in bram_html
    assert "<!--personal:" not in anna_html + bram_html


def test_the_page_is_rendered_once_and_then_only_filled_in(course, lessons):
    anna, bram = enrolled(course), enrolled(course)
    assert "modules/lesson_page.html" in templates_rendered(client_for(anna), lessons[0].url)
    second = templates_rendered(client_for(bram), lessons[0].url)
    assert "modules/lesson_page.html" not in second and "base.html" not in second
    assert "courses/includes/completion.html" in second  # the personal parts are rendered per request


def test_each_professional_sees_their_own_lock_state(course, lessons):
    ahead, behind = enrolled(course), enrolled(course)
    for lesson in lessons[:2]:
        services.item_complete(user=ahead, item=lesson)
    html = client_for(behind).get(lessons[0].url).content.decode()
    third = lessons[2]
    # Shown as locked, with what must come first, and no link to follow.
    assert (
        f'lesson-nav__item--locked">\n                        <a href="{third.url}" aria-disabled="true" '
        f'tabindex="-1">{third.title}</a>' in html
    )
    assert f"🔒</span> gaat open na “{lessons[0].title}”" in html
    ahead_html = client_for(ahead).get(lessons[0].url).content.decode()
    assert f'lesson-nav__item--new">\n                        <a href="{third.url}">' in ahead_html
    assert ahead_html.count("(afgerond)") == 2
    # The link leads to the explanation and what must come first, not to the content.
    response = client_for(behind).get(third.url)
    assert response.status_code == 403
    assert lessons[0].url in response.content.decode() and "Les afgerond" not in response.content.decode()


def test_a_published_change_shows_at_once(course, lessons):
    client = client_for(enrolled(course))
    lesson = lessons[0]
    client.get(lesson.url)
    lesson.title = "Nieuwe titel van de les"
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Nieuwe titel van de les" in html


def test_a_new_footer_text_shows_at_once(course, lessons):
    client = client_for(enrolled(course))
    client.get(lessons[0].url)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Een uitgave van de academie voor de regio"
    site_settings.save()
    assert "Een uitgave van de academie voor de regio" in client.get(lessons[0].url).content.decode()


def test_each_language_has_its_own_shell(course, lessons):
    client = client_for(enrolled(course))
    assert "Les afgerond" in client.get(lessons[0].url).content.decode()
    client.post("/taal/", {"language": "en", "next": lessons[0].url})
    english = client.get(lessons[0].url).content.decode()
    assert "Lesson completed" in english and 'lang="en"' in english
    assert "Lessons of this course" in english


def test_messages_reach_the_professional_on_a_cached_page(course, lessons):
    client = client_for(enrolled(course))
    client.get(lessons[0].url)
    # Saving a reflection without JavaScript redirects back with a message.
    response = client.post(
        f"/mijn/reflectie/{lessons[0].pk}/{reflection_id(lessons[0])}/",
        {"answer": "Mijn antwoord"},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain and "Mijn antwoord" in html
    assert 'class="container messages"' in html
    assert 'class="container messages"' not in client.get(lessons[0].url).content.decode()  # shown once


def test_a_marker_typed_by_a_trainer_is_text(course, lessons):
    lesson = lessons[0].specific
    forged = "<!--personal:include:includes/user_nav.html--> <!--personal:csrf-token-->"
    lesson.body = [
        ("heading", {"text": forged, "level": "h2"}),
        *[(b.block_type, b.value) for b in lesson.body],
    ]
    lesson.summary = forged
    lesson.save_revision().publish()
    html = client_for(enrolled(course)).get(lesson.url).content.decode()
    assert "&lt;!--personal:include:includes/user_nav.html--&gt;" in html
    assert html.count('class="user-nav"') == 1


def test_the_current_path_in_the_language_switch_keeps_the_query(course, lessons):
    client = client_for(enrolled(course))
    client.get(lessons[0].url)
    html = client.get(lessons[0].url + "?bron=mail&x=<b>").content.decode()
    assert f'name="next" type="hidden" value="{lessons[0].url}?bron=mail&amp;x=%3Cb%3E"' in html


def test_the_csrf_token_in_the_page_is_accepted(course, lessons):
    client = Client(enforce_csrf_checks=True)
    client.force_login(enrolled(course))
    html = client.get(lessons[0].url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(f"/mijn/les/{lessons[0].pk}/afronden/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_preview_is_filled_in_too(course, lessons):
    lesson = lessons[0]
    lesson.title = "Nog niet gepubliceerde titel"
    response = lesson.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200 and "Nog niet gepubliceerde titel" in html
    assert "<!--personal:" not in html
    assert 'name="csrfmiddlewaretoken" value=""' not in html
    assert "Les afgerond" not in html  # a trainer's preview has no progress


def test_only_a_cms_user_gets_the_cms_link_and_userbar(course, lessons):
    trainer = enrolled(course, is_superuser=True, is_staff=True)
    trainer_html = client_for(trainer).get(lessons[0].url).content.decode()  # renders the shell
    professional_html = client_for(enrolled(course)).get(lessons[0].url).content.decode()
    assert 'href="/admin/">CMS</a>' in trainer_html and "wagtail-userbar" in trainer_html
    assert 'href="/admin/">CMS</a>' not in professional_html and "wagtail-userbar" not in professional_html
