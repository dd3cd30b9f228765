"""Loads the indicator vocabulary (policies/extraction/indicators.json), gives
the metrics already stored the indicator the extractor's matcher finds for
them, and gives the editor group its permissions on indicators and mappings.

No person can have decided an indicator before this migration, so filling
them in changes no decision. Later changes to the file are brought in by
`manage.py sync_indicators`, which keeps staff edits.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations


def load(apps, schema_editor):
    from policies.extraction.indicators import indicator_for
    from policies.indicators import sync_vocabulary

    sync_vocabulary(apps.get_model("policies", "IndicatorCategory"), apps.get_model("policies", "Indicator"))
    by_code = apps.get_model("policies", "Indicator").objects.in_bulk(field_name="code")
    Metric = apps.get_model("policies", "Metric")
    changed = []
    for metric in Metric.objects.filter(indicator__isnull=True).only("pk", "label", "unit", "quote").iterator():
        code = indicator_for(metric.label, metric.unit, metric.quote)
        if code in by_code:
            metric.indicator = by_code[code]
            changed.append(metric)
    Metric.objects.bulk_update(changed, ["indicator"], batch_size=1000)


def unload(apps, schema_editor):
    apps.get_model("policies", "Metric").objects.update(indicator=None)
    apps.get_model("policies", "Indicator").objects.all().delete()
    apps.get_model("policies", "IndicatorCategory").objects.all().delete()


def editor_permissions(apps, schema_editor):
    from policies.roles import sync_editor_group

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_editor_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("policies", "0004_indicators")]
    operations = [
        migrations.RunPython(load, unload),
        migrations.RunPython(editor_permissions, migrations.RunPython.noop),
    ]
