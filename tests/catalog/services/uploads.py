"""Files for the upload tests: a GPS-tagged JPEG, a truncated one, a decompression bomb."""
from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def jpeg(width: int = 640, height: int = 480, *, gps: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), (180, 90, 30))
    exif = image.getexif()
    if gps:
        exif[ExifTags.Base.Make] = "PhoneMaker"
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (30.0, 31.0, 12.0)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (7.0, 55.0, 3.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def bomb_png() -> bytes:
    """A 12,000 × 12,000 (144 MP) black PNG of a few kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg",
           content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def not_an_image() -> SimpleUploadedFile:
    return upload(b"%PDF-1.4 this is a document, not a photo", "photo.jpg")


def truncated() -> SimpleUploadedFile:
    data = jpeg(800, 600)
    return upload(data[: len(data) // 3])


def oversized() -> SimpleUploadedFile:
    return upload(jpeg(64, 64) + b"\0" * (10 * 1024 * 1024 + 1))
