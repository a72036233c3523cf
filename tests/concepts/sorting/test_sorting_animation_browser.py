"""The animated sorting SVG plays inside an <img> in headless Chromium.

Two pages embed the same SVG with ``<img>``. Each also loads a resource
that the test server delays (0.3 s or 2.5 s), and Chromium's
``--screenshot`` waits for the page's load event. So the two screenshots
show the animation at different moments. They must differ in the bar
area. (``--virtual-time-budget`` does not advance SMIL inside ``<img>``
in Chromium 156, so real delays are used.)

Needs Debian's chromium package: ``apt-get install -y chromium``.
"""

from __future__ import annotations

import http.server
import os
import shutil
import struct
import subprocess
import threading
import time
import urllib.parse
import zlib
from pathlib import Path

import pytest

from service import create_app

CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 740, 440

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason="headless Chromium is not installed (apt-get install -y chromium)")


def _handler(root: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            if url.path != "/slow":
                return super().do_GET()
            time.sleep(int(urllib.parse.parse_qs(url.query)["ms"][0]) / 1000)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture()
def server(tmp_path):
    svg = create_app().test_client().get(
        "/sorting.svg?algorithm=bubble&n=12&pattern=reversed&animate=true").data
    (tmp_path / "animated.svg").write_bytes(svg)
    for delay in (300, 2500):
        (tmp_path / f"page{delay}.html").write_text(
            '<!doctype html><html><body style="margin:0">'
            '<img src="animated.svg">'
            f'<img src="/slow?ms={delay}" style="display:none">'
            "</body></html>")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(tmp_path))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def screenshot(url: str, out: Path, profile: Path) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}",
         f"--screenshot={out}", url],
        check=True, timeout=60, capture_output=True)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG into pixel rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(
                ">IIBBBBB", chunk)
            assert depth == 8
            assert colour in (2, 6)
            assert interlace == 0
        elif kind == b"IDAT":
            compressed += chunk
        position += 12 + length

    pixel = 4 if colour == 6 else 3
    stride = width * pixel
    raw = zlib.decompress(compressed)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = row[x - pixel] if x >= pixel else 0
            up = previous[x]
            corner = previous[x - pixel] if x >= pixel else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                row[x] = (row[x] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(row))
        previous = row

    return width, height, rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def test_animated_svg_plays_in_img(server, tmp_path):
    early, late = tmp_path / "early.png", tmp_path / "late.png"
    screenshot(f"{server}/page300.html", early, tmp_path / "profile1")
    screenshot(f"{server}/page2500.html", late, tmp_path / "profile2")
    shutil.rmtree(tmp_path / "profile1", ignore_errors=True)
    shutil.rmtree(tmp_path / "profile2", ignore_errors=True)

    width, height, first = read_png(early)
    _, _, second = read_png(late)
    assert (width, height) == (WIDTH, HEIGHT)
    # The bars occupy y = 110..360 of the drawing; count changed rows there.
    changed = sum(1 for y in range(110, 360) if first[y] != second[y])
    assert changed > 20
