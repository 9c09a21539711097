"""Eyelid and brow procedures."""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

UPPER_BLEPHAROPLASTY = procedure(
    key="upper_blepharoplasty",
    names_en=[
        "upper blepharoplasty",
        "bilateral upper lid blepharoplasty",
        "upper eyelid skin excision",
        "functional upper blepharoplasty",
        "upper bleph",
    ],
    names_zh=["上睑松弛矫正术", "上睑皮肤切除术", "双侧上睑成形术", "上睑皮肤松弛矫正"],
    codes=["15822", "15823"],
    codeswitch={"视野": ["visual field", "VF"], "上睑": ["upper lid"], "皮肤松弛": ["dermatochalasis"]},
    scenarios=[
        # Measured field loss that improves when the lids are taped: therapeutic by the threshold rule.
        en(
            "therapeutic",
            "threshold",
            "!{Bilateral|B/L|Marked} dermatochalasis {resting on|overhanging|touching} the {lashes|lash line}",
            "!superior visual field <n:16-28>° {untaped|at baseline}, {improving to|rising to} <n:40-55>° with {the lids taped|taping}",
            "{reports|complains of} {difficulty reading|trouble driving at night|bumping into door frames|having to lift the lids with a finger to read}",
            "[external ]photographs {attached|on file|enclosed}",
            "plan <proc>[ (CPT <code>)]",
        ),
        en(
            "cosmetic",
            "threshold",
            "!{mild|some} upper lid {fullness|hooding} without lash contact",
            "!visual fields {full|within normal limits}, superior field <n:42-60>° {untaped|without taping} with {no|negligible} change when taped",
            "{wants|would like} {a more rested look|to look less tired|a fresher appearance}",
            "requests <proc>",
        ),
        en(
            "cosmetic",
            "negation",
            "!{Pt|Patient|Member} {feels|thinks} the upper lids make {her|him} look {tired|older|sleepy}",
            "!{denies|no} {visual obstruction|difficulty reading|field loss|visual complaints}",
            "{hoping|wants} to {look refreshed|look younger} before {a wedding|a reunion|starting a new job}",
            "<proc> {requested|desired}",
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{Hooded|Heavy} upper lid skin {obstructs|blocks} the superior field; taped field {improves|increases} by <n:14-25>°",
            "the incision will be placed in the lid crease for the best cosmetic result",
            "!{not|this is not} a cosmetic request; the goal is to restore {vision|the upper field}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!I can't see the top half of things anymore because my eyelid skin hangs over my eyes",
            "{my eye doctor|the ophthalmologist} measured my field and it {gets much better|opens up} when they tape my lids",
            "I {have stopped|had to stop} driving {at night|on the highway}",
            "I am asking you to {reconsider|cover} the <proc>",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!{老年性|双侧}上睑皮肤松弛{下垂|遮盖睫毛}",
            "!视野检查上方{仅|只有}<n:16-28>°，{提起|胶带牵拉}上睑后{提高到|改善至}<n:40-55>°",
            "{诉|自述}{驾车困难|看书需用手提起眼皮|视物疲劳}",
            "拟行<proc>",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{自觉|觉得}上眼皮{松弛显老|下垂没精神}",
            "!{无视物障碍|视野正常|视野检查未见异常}",
            "{要求|希望}{去除多余皮肤|显得年轻|改善外观}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{就是|主要是}觉得眼皮{耷拉|松了}，看起来{老|没精神}，想做个<proc>{变年轻|好看点}",
            "看东西{倒是|其实}没什么影响",
            voice="patient",
        ),
    ],
)

PROCEDURES = [UPPER_BLEPHAROPLASTY]
