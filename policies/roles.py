"""Who may do what in the admin: the `editor` group and its permissions.

Editors add articles and review the facts read from them (accept, correct,
reject, add by hand; create, rename and merge programs; set indicators
and map labels to them). They can look at
districts and target groups but not change them, and they cannot manage
users: that is for admins (superusers). Facts are never deleted by editors,
they are rejected, so that the extractor does not propose them again.

`sync_editor_group` takes the models as arguments so that the migration can
pass its historical ones and the tests the real ones (a transactional test
flushes every table, groups included, when it ends).
"""

EDITOR = "editor"

# app label → model name → actions
EDITOR_PERMISSIONS = {
    "policies": {
        "article": ("add", "change", "view"),
        "incentive": ("add", "change", "view"),
        "metric": ("add", "change", "view"),
        "mention": ("add", "change", "delete", "view"),
        # The indicator vocabulary: editors correct names and wordings and add
        # indicators; only admins delete one. Mappings are editors' decisions.
        "indicator": ("add", "change", "view"),
        "indicatorcategory": ("view",),
        "indicatormapping": ("add", "change", "delete", "view"),
    },
    "programs": {
        "program": ("add", "change", "delete", "view"),  # delete: merging removes the merged program
        "targetgroup": ("view",),
    },
    "districts": {"district": ("view",)},
}


def editor_codenames() -> list[tuple[str, str]]:
    """[(app_label, codename)] of every permission the editor group holds."""
    return [
        (app, f"{action}_{model}")
        for app, models in EDITOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]


def sync_editor_group(group_model, permission_model, *, missing_ok: bool = False):
    """Create the editor group, or reset its permissions to exactly the list above.

    `missing_ok` is for a migration that runs before the models of some of
    them exist (0003): it grants those that do, and a later one grants the rest."""
    group, _ = group_model.objects.get_or_create(name=EDITOR)
    wanted = editor_codenames()
    permissions = [
        permission
        for permission in permission_model.objects.filter(
            codename__in=[codename for _, codename in wanted]
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    missing = set(wanted) - {(p.content_type.app_label, p.codename) for p in permissions}
    if missing and not missing_ok:
        raise LookupError(f"permissions not found: {sorted(missing)}")
    group.permissions.set(permissions)
    return group
