"""The admin's pages that come from other packages (axes' lockouts, simple-history's
history of a fact) are in Chinese when the editor reads the admin in Chinese."""
from decimal import Decimal

from django.contrib.auth.models import User
from django.urls import reverse

from policies.review import correct
from tests.staff.staffdata import fact

ENGLISH_AXES = ["Attempt Time", "IP Address", "User Agent", "Failed Logins", "Attempt Remaining", "access attempt",
                "Attempted Access", "Clean up expired attempts", "Axes</a>", ">Status<", "Task Results"]


def in_chinese(client):
    client.cookies["django_language"] = "zh-hans"
    return client


def test_axes_pages_are_in_chinese(client, superuser):
    client.post("/admin/login/", {"username": "nobody", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    client.force_login(superuser)
    listing = in_chinese(client).get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    for words in ["登录防护", "登录尝试", "尝试时间", "IP 地址", "浏览器标识", "失败次数", "审核状态", "还可尝试 4 次",
                  "清除已过期的登录尝试", "已锁定"]:
        assert words in listing, words
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.get(username="nobody")
    for url in [reverse("admin:axes_accessattempt_change", args=[attempt.pk]),
                reverse("admin:axes_accessattempt_delete", args=[attempt.pk])]:
        page = client.get(url).content.decode()
        assert "nobody，来自 10.0.0.9" in page
        for words in ENGLISH_AXES:
            assert words not in page, (url, words)
    for words in ENGLISH_AXES:
        assert words not in listing, words
    log = client.get(reverse("admin:axes_accesslog_changelist")).content.decode()
    assert "登录记录" in log and "退出时间" in log and "Logout Time" not in log
    # In English they stay axes' words.
    client.cookies["django_language"] = "en"
    assert "Attempt Time" in client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()


def test_a_fact_s_history_is_in_chinese(client, superuser, editor, article):
    desks = fact(article, "工位")
    desks.value = Decimal(150)
    correct(desks, editor, ["value"])
    client.force_login(superuser)
    page = in_chinese(client).get(reverse("admin:policies_incentive_history", args=[desks.pk])).content.decode()
    start = page.index('id="change-history"')
    history = " ".join(page[start:page.index("</table>", start)].split())
    # The status and origin columns and the changes name choices by their labels, as everywhere else.
    assert "<td>已核实</td> <td>人工修正</td>" in history and "<td>待审核</td> <td>自动提取</td>" in history
    assert "待审核 &nbsp;&rarr;&nbsp;&nbsp;已核实" in history and "120 &nbsp;&rarr;&nbsp;&nbsp;150" in history
    for english in ["verified", "proposed", "corrected", "extracted", "None", "Deleted", "pk="]:
        assert english not in history, english
