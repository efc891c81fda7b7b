#!/usr/bin/env python3
"""Prints the Pillow references embedded in TestImagePreprocessor.cpp (kPilReferences).

Not part of the build: run it by hand with Pillow installed (Debian: apt-get install
python3-pil; the numbers in the test came from Pillow 9.4.0) when a reference must change.
pattern() must stay identical to testimages::pattern() in TestImages.cpp.
"""
from PIL import Image


def value(x, y, c, width, height):
    h = ((x * 73856093) ^ (y * 19349663) ^ (c * 83492791)) & 0xFFFFFFFF
    noise = (h >> 13) & 0x3F
    if c == 0 and x >= width // 2:
        return 250 if (x // 3 + y // 3) % 2 else 5
    grad = [x * 255 // (width - 1), y * 255 // (height - 1),
            (x + y) * 255 // (width + height - 2)][c]
    return grad * 3 // 4 + noise


def pattern(width, height):
    image = Image.new("RGB", (width, height))
    image.putdata([tuple(value(x, y, c, width, height) for c in range(3))
                   for y in range(height) for x in range(width)])
    return image


GRID_8 = list(range(8))
GRID_50 = [0, 7, 14, 21, 28, 35, 42, 49]
GRID_384 = [0, 55, 110, 165, 219, 274, 329, 383]
CASES = [
    ("bicubic 37x23 -> 8x8", (37, 23), (8, 8), Image.BICUBIC, GRID_8, GRID_8),
    ("bicubic 37x23 -> 50x50", (37, 23), (50, 50), Image.BICUBIC, GRID_50, GRID_50),
    ("bicubic 37x23 -> 16x40", (37, 23), (16, 40), Image.BICUBIC,
     [0, 2, 5, 7, 9, 11, 13, 15], [0, 5, 11, 17, 22, 28, 34, 39]),
    ("bicubic 640x480 -> 384x384 (BLIP)", (640, 480), (384, 384), Image.BICUBIC,
     GRID_384, GRID_384),
    ("bilinear 37x23 -> 8x8", (37, 23), (8, 8), Image.BILINEAR, GRID_8, GRID_8),
]

if __name__ == "__main__":  # make_clip_references.py imports pattern()
    for name, size_in, size_out, resample, xs, ys in CASES:
        out = pattern(*size_in).resize(size_out, resample)
        samples = [v for y in ys for x in xs for v in out.getpixel((x, y))]
        print(name)
        print("{" + ", ".join(map(str, samples)) + "}")
