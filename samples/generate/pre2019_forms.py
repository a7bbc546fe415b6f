"""The statistics forms of pre-2019 reports, as data: every printed row with its unit,
key, parent and relation to it.  Values are drawn at random and the totals computed so
that every breakdown adds up (or, for one sample, deliberately does not).

Each entry: (text as printed, unit, key, parent index or None, relation), where relation is
"part" (a numbered part of its parent: the parts add up to it), "of" (a 其中 part: not larger
than its parent, nor is the sum of them) or None; unit None marks a heading row (printed
with —— in its unit and value cells).  Keys are the template keys of the 2015–2018 form
(README "Statistics keys"); provincial rows outside that form have key None.
"""
from __future__ import annotations

import random
import re
from decimal import Decimal

H = None  # unit of a heading row

# the widely used 2015–2018 政府信息公开情况统计表
FORM_2015 = [
    ("一、主动公开情况", H, None, None, None),                                                    # 0
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "active.published", 0, None),
    ("其中：主动公开规范性文件数", "条", "active.published.normative", 1, "of"),
    ("制发规范性文件总数", "件", "active.normative_issued", 0, None),
    ("（二）通过不同渠道和方式公开政府信息的情况", H, None, 0, None),
    ("1.政府公报公开政府信息数", "条", "active.channel.gazette", 4, None),                       # 5
    ("2.政府网站公开政府信息数", "条", "active.channel.website", 4, None),
    ("3.政务微博公开政府信息数", "条", "active.channel.weibo", 4, None),
    ("4.政务微信公开政府信息数", "条", "active.channel.wechat", 4, None),
    ("5.其他方式公开政府信息数", "条", "active.channel.other", 4, None),
    ("二、回应解读情况", H, None, None, None),                                                    # 10
    ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "response.hot_topics", 10, None),
    ("（二）通过不同渠道和方式回应解读的情况", H, None, 10, None),
    ("1.参加或举办新闻发布会总次数", "次", "response.press_conferences", 12, None),
    ("其中：主要负责同志参加新闻发布会次数", "次", "response.press_conferences.principal", 13, "of"),
    ("2.政府网站在线访谈次数", "次", "response.online_interviews", 12, None),                   # 15
    ("其中：主要负责同志参加政府网站在线访谈次数", "次", "response.online_interviews.principal", 15, "of"),
    ("3.政策解读稿件发布数", "篇", "response.interpretations", 12, None),
    ("4.微博微信回应事件数", "次", "response.weibo_wechat", 12, None),
    ("5.其他方式回应事件数", "次", "response.other", 12, None),
    ("三、依申请公开情况", H, None, None, None),                                                  # 20
    ("（一）收到申请数", "件", "applications.received", 20, None),
    ("1.当面申请数", "件", "applications.received.in_person", 21, "part"),
    ("2.传真申请数", "件", "applications.received.fax", 21, "part"),
    ("3.网络申请数", "件", "applications.received.online", 21, "part"),
    ("4.信函申请数", "件", "applications.received.letter", 21, "part"),                         # 25
    ("（二）申请办结数", "件", "applications.completed", 20, None),
    ("1.按时办结数", "件", "applications.completed.on_time", 26, "part"),
    ("2.延期办结数", "件", "applications.completed.extended", 26, "part"),
    ("（三）申请答复数", "件", "applications.answered", 20, None),
    ("1.属于已主动公开范围数", "件", "applications.answered.already_public", 29, "part"),       # 30
    ("2.同意公开答复数", "件", "applications.answered.granted", 29, "part"),
    ("3.同意部分公开答复数", "件", "applications.answered.partially_granted", 29, "part"),
    ("4.不同意公开答复数", "件", "applications.answered.denied", 29, "part"),
    ("其中：涉及国家秘密", "件", "applications.answered.denied.state_secret", 33, "of"),
    ("涉及商业秘密", "件", "applications.answered.denied.commercial_secret", 33, "of"),         # 35
    ("涉及个人隐私", "件", "applications.answered.denied.privacy", 33, "of"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "applications.answered.denied.security_stability", 33, "of"),
    ("不是《条例》所指政府信息", "件", "applications.answered.denied.not_government_information", 33, "of"),
    ("法律法规规定的其他情形", "件", "applications.answered.denied.other_law", 33, "of"),
    ("5.不属于本行政机关公开", "件", "applications.answered.not_this_agency", 29, "part"),      # 40
    ("6.申请信息不存在", "件", "applications.answered.not_exist", 29, "part"),
    ("7.告知作出更改补充", "件", "applications.answered.clarify", 29, "part"),
    ("8.告知通过其他途径办理", "件", "applications.answered.other_channel", 29, "part"),
    ("四、行政复议数量", "件", "review.total", None, None),
    ("（一）维持具体行政行为数", "件", "review.upheld", 44, "part"),                              # 45
    ("（二）被依法纠错数", "件", "review.corrected", 44, "part"),
    ("（三）其他情形数", "件", "review.other", 44, "part"),
    ("五、行政诉讼数量", "件", "litigation.total", None, None),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "litigation.upheld", 48, "part"),
    ("（二）被依法纠错数", "件", "litigation.corrected", 48, "part"),                             # 50
    ("（三）其他情形数", "件", "litigation.other", 48, "part"),
    ("六、举报投诉数量", "件", "complaints.total", None, None),
    ("（一）维持具体行政行为数", "件", "complaints.upheld", 52, "part"),
    ("（二）被纠错数", "件", "complaints.corrected", 52, "part"),
    ("（三）其他情形数", "件", "complaints.other", 52, "part"),                                   # 55
    ("七、依申请公开信息收取的费用", "万元", "fees.collected", None, None),
    ("八、机构建设和保障经费情况", H, None, None, None),
    ("（一）政府信息公开工作专门机构数", "个", "staff.offices", 57, None),
    ("（二）设置政府信息公开查阅点数", "个", "staff.reading_points", 57, None),
    ("（三）从事政府信息公开工作人员数", "人", "staff.total", 57, None),                           # 60
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "staff.full_time", 60, "part"),
    ("2.兼职人员数", "人", "staff.part_time", 60, "part"),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "staff.budget", 57, None),
    ("九、政府信息公开会议和培训情况", H, None, None, None),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "meetings.conferences", 64, None),          # 65
    ("（二）举办各类培训班数", "次", "meetings.trainings", 64, None),
    ("（三）接受培训人员数", "人次", "meetings.trainees", 64, None),
]

# a provincial short form (after 定西's 统计报表): 代码 column, 其中 lists numbered and not
FORM_PROVINCIAL = [
    ("主动公开信息数", "条", "active.published", None, None),                                     # 0
    ("其中:全文电子化的主动公开信息数", "条", None, 0, "of"),
    ("网站专栏页面访问量", "人次", None, None, None),
    ("现场接待人数", "人次", None, None, None),
    ("网上咨询数", "人次", None, None, None),
    ("申请总数", "条", "applications.received", None, None),                                    # 5
    ("其中:1.当面申请数", "条", "applications.received.in_person", 5, "of"),
    ("2.传真申请数", "条", "applications.received.fax", 5, "of"),
    ("3.电子邮件申请数", "条", None, 5, "of"),
    ("4.网上申请数", "条", "applications.received.online", 5, "of"),
    ("5.信函申请数", "条", "applications.received.letter", 5, "of"),                             # 10
    ("对申请的答复总数", "条", "applications.answered", None, None),
    ("其中:1.同意公开答复数", "条", "applications.answered.granted", 11, "of"),
    ("2.同意部分公开答复数", "条", "applications.answered.partially_granted", 11, "of"),
    ("3.否决公开答复总数", "条", "applications.answered.denied", 11, "of"),
    ("其中:(1)“非《规定》所指政府信息”数", "条", None, 14, "of"),                                # 15
    ("(2)“信息不存在”数", "条", None, 14, "of"),
    ("(3)“非本部门掌握”数", "条", None, 14, "of"),
    ("(4)其它原因", "条", None, 14, "of"),
    ("行政复议数", "件", "review.total", None, None),
    ("行政诉讼数", "件", "litigation.total", None, None),                                         # 20
    ("行政申诉数", "件", None, None, None),
]

FORMS = {"2015": FORM_2015, "provincial": FORM_PROVINCIAL}

NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|\(\d+\)|[（(]\d+[）)])")


def label_of(text: str) -> str:
    """record.md: the indicator without numbering, a leading 其中： and a trailing note."""
    t = NUMBERING.sub("", text)
    for p in ("其中：", "其中:"):
        if t.startswith(p):
            t = NUMBERING.sub("", t[len(p):])
    return re.sub(r"（[^（）]*）$", "", t)


def draw(form: str, rng: random.Random, scale: int, columns: int) -> list[list]:
    """Values per row and column: parts first, totals as their sums, 其中 parts below
    their row. Heading rows get None."""
    rows = FORMS[form]
    vals: list[list] = [[None] * columns for _ in rows]
    kids = {i: [j for j, r in enumerate(rows) if r[3] == i] for i in range(len(rows))}

    def leaf(i: int, c: int):
        unit = rows[i][1]
        if unit == "万元":
            return Decimal(rng.randint(0, 40 * scale)) / 10
        hi = {"条": 300 * scale, "人次": 900 * scale}.get(unit, 6 * scale)
        return rng.randint(0, hi)

    def fill(i: int, c: int, cap=None):
        if rows[i][1] is H:
            for j in kids[i]:
                fill(j, c)
            return
        parts = [j for j in kids[i] if rows[j][4] == "part"]
        for j in parts:
            fill(j, c)
        v = sum(vals[j][c] for j in parts) if parts else leaf(i, c)
        vals[i][c] = min(v, rng.randint(0, cap) if isinstance(cap, int) else cap) if cap is not None and not parts else v
        room = vals[i][c]
        for j in (j for j in kids[i] if rows[j][4] == "of"):
            fill(j, c, room)
            room -= vals[j][c]
        for j in (j for j in kids[i] if rows[j][4] is None):
            fill(j, c)

    for c in range(columns):
        for i, r in enumerate(rows):
            if r[3] is None:
                fill(i, c)
    check(form, vals)
    return vals


def check(form: str, vals: list[list]) -> None:
    """The rules of record.md hold for the drawn values."""
    rows = FORMS[form]
    for i, r in enumerate(rows):
        for c, v in enumerate(vals[i]):
            parts = [vals[j][c] for j, q in enumerate(rows) if q[3] == i and q[4] == "part"]
            subs = [vals[j][c] for j, q in enumerate(rows) if q[3] == i and q[4] == "of"]
            if parts:
                assert v == sum(parts), (form, r[0], c)
            if subs:
                assert all(s <= v for s in subs) and sum(subs) <= v, (form, r[0], c, v, subs)
