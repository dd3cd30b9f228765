"""Join the 0004s that came in side by side: naming untitled articles, the
indicator vocabulary, and http(s)-only source URLs."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0004_name_untitled_articles"),
        ("policies", "0005_load_indicators"),
        ("policies", "0004_source_url_http_only"),
    ]
    operations = []
