"""Uploads in S3-compatible object storage, against moto's S3 server on 127.0.0.1 (no network)."""

import io
import uuid

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image as PillowImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def object_storage(settings, monkeypatch):
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    s3.bucket = f"guidance-media-{uuid.uuid4().hex[:8]}"  # moto keeps buckets for the whole process
    s3.create_bucket(Bucket=s3.bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": s3.bucket,
                "endpoint_url": endpoint,
                "region_name": "eu-west-2",
                "querystring_auth": False,
                "default_acl": None,
            },
        },
    }
    yield s3
    server.stop()


def keys(s3):
    return {item["Key"] for item in s3.list_objects_v2(Bucket=s3.bucket).get("Contents", [])}


def test_images_and_their_renditions_are_stored_in_the_bucket(object_storage):
    picture = io.BytesIO()
    PillowImage.new("RGB", (800, 600), "teal").save(picture, "JPEG")
    image = get_image_model().objects.create(title="Meeting room", file=ImageFile(picture, name="meeting.jpg"))
    rendition = image.get_rendition("width-360")
    stored = keys(object_storage)
    assert image.file.name in stored
    assert rendition.file.name in stored
    assert rendition.url.startswith("http://127.0.0.1:") and "?" not in rendition.url  # addresses that never expire
    assert rendition.width == 360


def test_documents_are_served_through_the_site_from_the_bucket(client, object_storage):
    document = get_document_model().objects.create(
        title="Checklist", file=SimpleUploadedFile("checklist.txt", b"1. Ask people how they want to be credited.\n")
    )
    assert document.file.name in keys(object_storage)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == (
        b"1. Ask people how they want to be credited.\n"
    )
