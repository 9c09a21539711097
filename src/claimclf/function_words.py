"""Words that say how a text is written, not why a procedure is done: never features of their own.

A linear model trained on generated text learns whatever separates its classes, including the
habits of the templates: who asks (想, wants), when (后, months), where (医院, clinic), in what
form (吗, how much). Such words are dropped from the word features, and the corpus is checked to
use them evenly in both classes. Negators still mark the scope of a negation (``not:pain``);
they are only never a feature themselves.
"""

from __future__ import annotations

NEGATORS_EN = frozenset({"no", "not", "denies", "denied", "deny", "without", "never", "none", "nor", "w/o", "negative"})
NEGATORS_ZH = frozenset({"无", "未", "否认", "不是", "并非", "没有", "没", "不", "非", "未见", "无明显", "不伴", "并无", "均无"})

CATEGORIES: dict[str, frozenset[str]] = {
    "negator": NEGATORS_EN | NEGATORS_ZH,
    "request": frozenset({
        "want", "wants", "wanted", "wanting", "wish", "wishes", "wished", "request", "requests", "requested",
        "requesting", "like", "would", "desire", "desires", "desired", "hope", "hopes", "hoping", "ask", "asks",
        "asked", "asking", "prefer", "prefers", "seeking", "seeks", "seek", "interested", "please",
        "要求", "想", "想要", "希望", "要", "求", "请求", "打算", "愿意", "考虑", "咨询", "请问", "请", "问",
    }),
    "time": frozenset({
        "after", "before", "since", "month", "months", "year", "years", "week", "weeks", "day", "days", "ago",
        "recently", "recent", "now", "currently", "current", "later", "then", "today", "prior", "post", "previous",
        "previously", "during", "while", "until", "long", "time", "mo", "mos", "wk", "wks", "yr", "yrs", "hrs",
        "后", "前", "月", "个月", "年", "天", "周", "以后", "之后", "以前", "之前", "最近", "目前", "现在", "多久",
        "时候", "以来", "时间", "多长时间", "期间", "当时", "今年", "去年",
    }),
    "facility": frozenset({
        "hospital", "hospitals", "clinic", "clinics", "doctor", "doctors", "surgeon", "surgeons", "physician",
        "physicians", "office", "center", "centre", "department", "provider", "dr",
        "医院", "医生", "大夫", "门诊", "诊所", "三甲", "机构", "专家", "主任", "科室", "科",
    }),
    # The claim's paperwork: who pays, what is filed, what is planned; not the reason.
    "claim": frozenset({
        "insurance", "insurer", "covered", "coverage", "claim", "claims", "reimbursement", "benefit", "benefits",
        "policy", "approval", "authorization", "submitted", "attached", "planned", "plan", "scheduled",
        "保险", "报销", "理赔", "申请", "开具", "证明", "材料", "拟", "拟行", "行", "予", "予以", "计划", "安排",
    }),
    "question": frozenset({
        "how", "what", "which", "when", "where", "who", "why", "can", "could", "does", "do", "much", "many", "should",
        "cost", "costs", "price", "expensive", "cheap",
        "吗", "呢", "么", "什么", "怎么", "怎样", "怎么样", "如何", "多少", "多少钱", "哪里", "哪个", "哪家", "哪",
        "能", "可以", "会", "是否", "钱", "费用", "价格", "贵", "好", "好不好", "有没有", "能不能",
    }),
}
# Function words of style: articles, pronouns, auxiliaries, particles (first person, tense, length).
STYLE = frozenset({
    "the", "a", "an", "and", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "i", "me", "my",
    "we", "our", "you", "your", "she", "he", "her", "his", "him", "they", "them", "their", "so", "just", "also",
    "very", "really", "there", "will", "did", "am", "or", "but", "if", "than", "over", "under", "about", "into",
    "some", "any", "more", "most", "other", "such", "only", "u",
    "的", "了", "是", "我", "就", "都", "有", "说", "也", "在", "和", "着", "吧", "啊", "呀", "哦", "嘛", "个", "这", "那",
    "就是", "还", "又", "很", "把", "被", "给", "让", "到", "过", "我们", "他", "她", "您", "你", "其", "之", "于", "为",
    "已经", "一下", "一个", "这个", "那个", "啥", "太", "一点", "有点", "比较", "觉得", "或", "或者", "但", "但是",
})
NOT_FEATURES = STYLE.union(*CATEGORIES.values())


def category(word: str) -> str:
    """The category of a function word (``negator``, ``request``, ``time``, ``facility``, ``claim``, ``question``,
    ``style``), or ``""``."""
    for name, words in CATEGORIES.items():
        if word in words:
            return name
    return "style" if word in STYLE else ""
