"""The fixed vocabulary of target groups that the extractor assigns (codes are stable)."""

GROUPS = [
    ("graduates", "高校毕业生和青年", "Graduates and youth"),
    ("high_level", "高层次人才", "High-level talent"),
    ("overseas", "留学和海外人才", "Overseas returnees"),
    ("skilled", "技能人才", "Skilled workers"),
    ("entrepreneurs", "创业者和企业家", "Entrepreneurs"),
    ("researchers", "科研人才", "Researchers"),
    ("finance", "金融人才", "Finance"),
    ("education", "教育人才", "Education"),
    ("health", "医疗卫生人才", "Health"),
    ("rural", "乡村人才", "Rural talent"),
]


def sync_groups(group_model) -> None:
    """Create or update the rows; takes the model so a migration can pass its own."""
    for position, (code, zh, en) in enumerate(GROUPS):
        group_model.objects.update_or_create(code=code, defaults={"name_zh": zh, "name_en": en, "position": position})
