"""Test inputs built by hand: WARC records, gzip members and bombs, feeds, Arabic pages."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable

ARABIC_TITLE = "الحكومة تعلن خطة جديدة للإصلاح الاقتصادي"
ARABIC_BODY = (
    "أعلن رئيس الوزراء اليوم الخميس أن الحكومة ستبدأ تنفيذ خطة جديدة للإصلاح الاقتصادي "
    "خلال الأسابيع المقبلة، وقال إن الخطة تشمل دعم الصناعة المحلية وخفض العجز."
)
#: An Arabic news page in windows-1256, the legacy code page of many Arabic sites.
PAGE_CP1256 = (
    f"<html><head><title>{ARABIC_TITLE}</title></head>"
    f"<body><h1>{ARABIC_TITLE}</h1><p>{ARABIC_BODY}</p></body></html>"
).encode("cp1256")
PAGE_UTF8 = PAGE_CP1256.decode("cp1256").encode("utf-8")
#: The first bytes of a PNG image.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" * 20
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\x02"


def http_response(
    status: str, content_type: str | None, body: bytes, *, extra: Iterable[str] = ()
) -> bytes:
    """An HTTP/1.1 response message as a crawler stores it."""
    lines = [f"HTTP/1.1 {status}"]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.extend(extra)
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def warc_record(
    kind: str,
    block: bytes,
    *,
    uri: str = "https://news.example/article",
    record_id: str = "00000000-0000-0000-0000-000000000000",
    length: int | str | None = None,
    content_type: str | None = None,
    extra: Iterable[str] = (),
) -> bytes:
    """One WARC/1.0 record; ``length`` overrides the true Content-Length to break it."""
    if content_type is None:
        content_type = (
            f"application/http; msgtype={kind}"
            if kind in ("request", "response")
            else ("application/warc-fields")
        )
    lines = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{record_id}>",
        "WARC-Date: 2024-03-01T10:00:00Z",
        f"WARC-Target-URI: {uri}",
        f"Content-Type: {content_type}",
        *extra,
        f"Content-Length: {len(block) if length is None else length}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def request_record(uri: str, record_id: str) -> bytes:
    host = uri.split("/")[2]
    block = f"GET /{uri.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    return warc_record("request", block, uri=uri, record_id=record_id)


def sample_records() -> list[bytes]:
    """A small crawl: warcinfo, request, an Arabic windows-1256 page, a 404 and a PDF."""
    return [
        warc_record(
            "warcinfo",
            b"software: marsad-tests\r\nformat: WARC File Format 1.0\r\n",
            uri="",
            record_id="00000000-0000-0000-0000-00000000000a",
        ),
        request_record("https://news.example/ar/1", "00000000-0000-0000-0000-000000000001"),
        warc_record(
            "response",
            http_response("200 OK", "text/html; charset=windows-1256", PAGE_CP1256),
            uri="https://news.example/ar/1",
            record_id="00000000-0000-0000-0000-000000000002",
            extra=["WARC-Identified-Payload-Type: text/html"],
        ),
        warc_record(
            "response",
            http_response("404 Not Found", "text/html", b"<p>not here</p>"),
            uri="https://news.example/missing",
            record_id="00000000-0000-0000-0000-000000000003",
        ),
        warc_record(
            "response",
            http_response("200 OK", "application/pdf", PDF),
            uri="https://news.example/report.pdf",
            record_id="00000000-0000-0000-0000-000000000004",
        ),
    ]


def gzip_members(records: Iterable[bytes]) -> bytes:
    """A WARC.gz the way crawlers write it: one gzip member per record."""
    return b"".join(gzip.compress(record) for record in records)


def gzip_bomb_member(prefix: bytes, zeros: int) -> bytes:
    """One gzip member: ``prefix`` then ``zeros`` zero bytes, built in ~1 KB per MiB.

    After a full flush deflate forgets its history, so the compressed form of each MiB of
    zeros is the same bytes, and we can repeat them without compressing a gigabyte. The
    trailer's CRC is wrong, as in a real bomb; readers must stop long before it.
    """
    mib = 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(bytes(mib)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return head + block * (zeros // mib) + compressor.flush()


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
  <title>أخبار مرصد</title>
  <link>{{base}}/</link>
  <description>آخر الأخبار</description>
  <item>
    <title>{ARABIC_TITLE}</title>
    <link>{{base}}/ar?item=1</link>
    <pubDate>Fri, 20 Nov 2015 01:30:00 +0300</pubDate>
  </item>
  <item>
    <title>وزير الخارجية يزور القاهرة</title>
    <link>/ar?item=2</link>
    <pubDate>Sat, 21 Nov 2015 12:00:00 GMT</pubDate>
  </item>
  <item>
    <title>خبر بلا رابط</title>
  </item>
  <item>
    <title>خبر محذوف</title>
    <link>{{base}}/missing</link>
  </item>
  <item>
    <title>الخبر نفسه مرة أخرى</title>
    <link>{{base}}/ar?item=1</link>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>مرصد</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2015-11-22T08:00:00+02:00</updated>
  <entry>
    <title>{ARABIC_TITLE}</title>
    <link href="{{base}}/ar?entry=1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2015-11-22T00:30:00+02:00</published>
    <updated>2015-11-22T08:00:00+02:00</updated>
  </entry>
  <entry>
    <title>مقال بلا تاريخ</title>
    <link href="{{base}}/text"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
  </entry>
</feed>
"""

BROKEN_XML = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title><<<item>
"""


def rss(base: str) -> bytes:
    return RSS.replace("{base}", base).encode("utf-8")


def atom(base: str) -> bytes:
    return ATOM.replace("{base}", base).encode("utf-8")
