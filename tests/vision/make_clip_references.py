#!/usr/bin/env python3
"""Prints the CLIP references of ClipReferences.h (kClipReferences), used by TestClipProcessor.

Not part of the build: run it by hand when a reference must change, with Debian's Pillow and
numpy (apt-get install python3-pil python3-numpy; run /usr/bin/python3). The numbers in the
test came from Pillow 9.4.0 and numpy 1.24.2.

It follows transformers' CLIPImageProcessor step by step, without importing transformers:
LLaVA's expand2square (optional), the shortest-edge size of get_resize_output_image_size
(default_to_square=False), PIL's resize of the uint8 image, center_crop with its zero padding,
rescale (float64 multiply, then float32) and normalise in float32. Each case prints the model's
uint8 image as an FNV-1a hash, the float64 sum of every float, and eight floats.
"""
import numpy as np
from PIL import Image

from make_pil_references import pattern

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
RESCALE = 0.00392156862745098


def expand_to_square(image, mean):
    # LLaVA's mm_utils.expand2square with its fill, tuple(int(x * 255) for x in mean).
    fill = tuple(int(m * 255) for m in mean)
    width, height = image.size
    if width == height:
        return image
    side = max(width, height)
    square = Image.new(image.mode, (side, side), fill)
    square.paste(image, ((side - width) // 2, (side - height) // 2))
    return square


def shortest_edge_size(height, width, shortest):
    # get_resize_output_image_size(default_to_square=False): int() truncates the long side.
    short_side, long_side = (width, height) if width <= height else (height, width)
    new_long = int(shortest * long_side / short_side)
    return (new_long, shortest) if width <= height else (shortest, new_long)


def centre_crop(hwc, crop_height, crop_width):
    # transformers' center_crop: offsets (side - crop) // 2; a too small image sits on zeros
    # at ceil((crop - side) / 2), then the window is cut from that canvas.
    height, width = hwc.shape[:2]
    top, left = (height - crop_height) // 2, (width - crop_width) // 2
    if top >= 0 and left >= 0:
        return hwc[top:top + crop_height, left:left + crop_width]
    canvas_h, canvas_w = max(crop_height, height), max(crop_width, width)
    canvas = np.zeros((canvas_h, canvas_w, 3), dtype=hwc.dtype)
    pad_top = -(-(canvas_h - height) // 2)
    pad_left = -(-(canvas_w - width) // 2)
    canvas[pad_top:pad_top + height, pad_left:pad_left + width] = hwc
    top, left = top + pad_top, left + pad_left
    return canvas[max(0, top):min(canvas_h, top + crop_height),
                  max(0, left):min(canvas_w, left + crop_width)]


def clip_pixels(image, shortest, crop_height, crop_width, pad):
    if pad:
        image = expand_to_square(image, CLIP_MEAN)
    if shortest:
        height, width = shortest_edge_size(image.height, image.width, shortest)
        image = image.resize((width, height), Image.BICUBIC)
    model_image = centre_crop(np.array(image), crop_height, crop_width)
    rescaled = (model_image.astype(np.float64) * RESCALE).astype(np.float32)
    mean = np.array(CLIP_MEAN, dtype=np.float32)
    std = np.array(CLIP_STD, dtype=np.float32)
    normalised = (rescaled - mean) / std
    return model_image, normalised.transpose(2, 0, 1)  # CHW, as pixel_values


def fnv1a(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def sample_points(height, width):
    return [(0, 0, 0), (1, 0, width - 1), (2, height - 1, 0), (0, height - 1, width - 1),
            (1, height // 2, width // 2), (2, height // 3, 2 * width // 3),
            (0, 2 * height // 3, width // 5), (1, height // 7, width // 2 + 1)]


# name, input width, height, shortest edge (0: do_resize off), crop height, width, pad
CASES = [
    ("37x61", 37, 61, 224, 224, 224, False),
    ("300x200", 300, 200, 224, 224, 224, False),
    ("199x300 (long side 337.69 truncated)", 199, 300, 224, 224, 224, False),
    ("224x224", 224, 224, 224, 224, 224, False),
    ("10x500", 10, 500, 224, 224, 224, False),
    ("500x10", 500, 10, 224, 224, 224, False),
    ("37x23 to 16, smaller than the 24x24 crop", 37, 23, 16, 24, 24, False),
    ("5x7 unresized, smaller than the 8x8 crop", 5, 7, 0, 8, 8, False),
    ("37x61 to 30, crop 21x17", 37, 61, 30, 21, 17, False),
    ("640x480 at 336 (llava-hf)", 640, 480, 336, 336, 336, False),
    ("37x61 padded", 37, 61, 224, 224, 224, True),
    ("300x200 padded", 300, 200, 224, 224, 224, True),
    ("37x60 padded (odd margin)", 37, 60, 224, 224, 224, True),
    ("10x500 padded", 10, 500, 224, 224, 224, True),
    ("500x10 padded", 500, 10, 224, 224, 224, True),
    ("640x480 padded at 336 (LLaVA-1.5)", 640, 480, 336, 336, 336, True),
]

if __name__ == "__main__":
    for name, width, height, shortest, crop_h, crop_w, pad in CASES:
        model_image, pixels = clip_pixels(pattern(width, height), shortest, crop_h, crop_w, pad)
        out_h, out_w = model_image.shape[:2]
        samples = ["{%d, %d, %d, %.9gf}" % (c, y, x, pixels[c, y, x])
                   for c, y, x in sample_points(out_h, out_w)]
        rows = ",\n       ".join(", ".join(samples[i:i + 3]) for i in range(0, 8, 3))
        print('    {"%s", %d, %d, %d, %d, %d, %s,\n     %d, %d, 0x%016xULL, %.17g,\n     {{%s}}},'
              % (name, width, height, shortest, crop_h, crop_w, "true" if pad else "false",
                 out_w, out_h, fnv1a(np.ascontiguousarray(model_image).tobytes()),
                 float(np.sum(pixels, dtype=np.float64)), rows))
