"""Line signals: bylines, datelines, slugs, captions, lexicon hits."""

from __future__ import annotations

import pytest

from marsad.extract.bylines import split_names
from marsad.extract.lines import LineReader, ends_sentence, is_slug


@pytest.fixture(scope="module")
def reader() -> LineReader:
    return LineReader()


@pytest.mark.parametrize(
    ("line", "source", "authors"),
    [
        ("سيريان تلغراف | كسينيا كوليكوفا", "سيريان تلغراف", ("كسينيا كوليكوفا",)),
        ("بقلم: محمد الأحمد", None, ("محمد الأحمد",)),
        ("بقلم محمد الأحمد وسارة علي", None, ("محمد الأحمد", "سارة علي")),
        ("كتبت- منى عبد الرحمن:", None, ("منى عبد الرحمن",)),
        ("الرياض - واس", "واس", ()),
        ("(رويترز)", "رويترز", ()),
        ("المصدر: فرانس برس", "فرانس برس", ()),
        ("المصدر : الجزيرة + وكالات", "الجزيرة", ()),
        ("دبي - العربية.نت", "العربية.نت", ()),
        ("تونس/ سامي الطرابلسي/ الأناضول", "الأناضول", ("سامي الطرابلسي",)),
        ("هسبريس - سعيد الإدريسي", "هسبريس", ("سعيد الإدريسي",)),
        ("الرياض – «القدس العربي»:", "القدس العربي", ()),
        ("تونس: منير السويسي", None, ("منير السويسي",)),
    ],
)
def test_bylines(
    reader: LineReader, line: str, source: str | None, authors: tuple[str, ...]
) -> None:
    byline = reader.read(0, line).byline
    assert byline is not None
    assert (byline.source, byline.authors) == (source, authors)


@pytest.mark.parametrize(
    "line",
    [
        "أخبار|ليبيا",
        "قال الرئيس إن المفاوضات ستستمر حتى الوصول إلى اتفاق شامل - بحسب المصادر.",
        "12.08.2015 | 11:46 GMT",
        "الحرب والسلام",
    ],
)
def test_not_bylines(reader: LineReader, line: str) -> None:
    assert reader.read(0, line).byline is None


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("نشر في: 21 يناير 2017 - 23:43", True),
        ("السبت 21/1/2017", True),
        ("آخر تحديث: منذ 3 ساعات", True),
        ("الأحد 4 كانون الأول 2016 الساعة 10:30 بتوقيت القدس", True),
        ("الخميس 24 نونبر 2016", True),
        ("المنصف المرزوقي : تونسيون نفذوا هجمات 11 سبتمبر", False),
        ("وزير الخارجية يزور موسكو", False),
    ],
)
def test_date_lines(reader: LineReader, line: str, dated: bool) -> None:
    assert reader.read(0, line).dated is dated


def test_slugs() -> None:
    assert is_slug("فلاديمير-بوتين-وفرانسوا-هولاند-وباراك-أوباما")
    assert is_slug("kuwait_olympic_committee_2017.jpg")
    assert not is_slug("وزير-الخارجية")
    assert not is_slug("قال الوزير - في بيان - إن")


def test_captions(reader: LineReader) -> None:
    assert reader.read(0, "الرئيس خلال مؤتمر صحفي في باريس (رويترز)").caption
    assert reader.read(0, "منظر عام للعاصمة (أرشيفية)").caption
    assert not reader.read(0, "وأكد الوزير ذلك في بيان (رويترز).").caption


def test_lexicon_does_not_eat_prose(reader: LineReader) -> None:
    prose = "اشترك في الهجوم عشرات المسلحين الذين وصلوا إلى المدينة فجرا."
    assert reader.read(0, prose).hit is None
    assert reader.read(0, "تطبيق القانون على الجميع مسؤولية الدولة والمجتمع معا.").hit is None
    assert reader.read(0, "اقرأ أيضا: الحكومة تعلن خطة جديدة").hit is not None


def test_sentence_ends() -> None:
    assert ends_sentence("قال الوزير إن الاجتماع انتهى.”", 6)
    assert not ends_sentence("قاعة السينما الوحيدة في سوسة تستغيث..", 6)
    assert ends_sentence("وقال الوزير في بيان صدر اليوم:", 6)


def test_split_names() -> None:
    assert split_names("أحمد علي ومحمد حسن") == ("أحمد علي", "محمد حسن")
    assert split_names("وليد") == ("وليد",)
