"""Join the two 0004s: naming untitled articles and the indicator vocabulary came in side by side."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0004_name_untitled_articles"),
        ("policies", "0005_load_indicators"),
    ]
    operations = []
