"""The registers real claims come in: how a body of clauses is framed and joined.

Frames are label-neutral on purpose: the same openings, closings and boilerplate
("medically necessary", "photos attached", hospital names) appear for both labels
so that a model cannot learn the label from the wrapper.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from claimclf.corpus.long_notes import admission_record_zh, consultation_note_en, operative_note_en
from claimclf.corpus.template import expand

EN_PATIENT_REFS = [
    "the patient", "the patient", "pt", "the member", "the claimant", "the insured",
    "Ms. {Chen|Lopez|Okafor|Walsh|Nakamura|Patel|Kowalski|Haddad}",
    "Mr. {Brennan|Singh|Moreau|Tanaka|Osei|Novak|Ruiz|Lindqvist}",
]
ZH_PATIENT_REFS = ["患者", "患者", "被保险人", "该患者", "{王|李|张|刘|陈|杨|赵|黄}{女士|先生}", "申请人"]

NEUTRAL_EN = [
    "{Clinic|Office} notes {attached|enclosed|available on request}.",
    "Photos {attached|on file|uploaded to the portal}.",
    "Seen in {outpatient clinic|the plastic surgery clinic|the ENT clinic|dermatology|the university hospital clinic}.",
    "{Provider|Surgeon|Requesting physician} {states|documents} the procedure is medically necessary.",
    "Estimated cost {$<n:2-9>,<n:100-900>|USD <n:900-9000>}.",
    "Requested date of service {next month|in <n:2-8> weeks|in <n:2-4> months|pending approval}.",
    "No prior claims for this procedure.",
    "{Member|Pt} is otherwise {healthy|in good general health}.",
]
NEUTRAL_ZH = [
    "{附|已附}{门诊病历|照片|检查报告|发票}。",
    "就诊医院：{市第一人民医院|省人民医院|某三甲医院整形外科|某医疗美容门诊部|区中医院}。",
    "费用合计{<n:2-40>000|<n:3-9>千}元。",
    "医生认为{有必要|需要}手术。",
    "既往体健。",
    "{申请|特此申请}{报销|理赔}。",
    "{门诊|住院}号{<n:10000-99999>|略}。",
]


# Colour: neutral history and logistics a clinician or a patient adds to any text, whatever the label.
# They carry the negators, request, time and facility words that a corpus otherwise uses more in one class
# (function_words.py), in sentences that change no label: allergies, smoking, referrals, dates, scheduling.
# Nothing here names a disease, a symptom, an injury, prior surgery, weight or a normal finding.
COLOUR = {
    ("en", "clinical"): [
        "{No known drug allergies|NKDA|No drug allergies}",
        "{nonsmoker|never smoker|does not smoke}, {no|denies} {alcohol|recreational drug} use",
        "not on {anticoagulants|blood thinners|aspirin}{| or supplements that affect bleeding}",
        "{denies|no} prior problems with anesthesia",
        "referred by {her|his|the} primary care {doctor|physician} <n:2-11> months ago",
        "first seen in {clinic|the office} <n:2-10> weeks ago",
        "initial evaluation at {the hospital|the hospital outpatient clinic|County Hospital} <n:2-8> months ago",
        "{would like|wants|is asking} to schedule {after the holidays|after <month>|in the next few months|after the school year}",
        "requests {a morning appointment|a Friday surgery date|an interpreter for visits|copies of the records}",
        "no change in medications since the last visit",
        "{surgeon|Dr. {Reyes|Chow|Adeyemi|Fischer}} reviewed the chart {today|this week}",
        "will follow up <n:2-6> weeks after the procedure",
        "{doctor's|surgeon's} notes {attached|on file} from the visit <n:2-9> weeks ago",
        "intake form reviewed; no new medications",
        "since the last visit, has read the handouts on recovery and {wants|would like} to go ahead",
        "{no|denies} {history of|prior} bleeding problems with dental work",
        "{never|not} had a reaction to local anesthetic",
        "{no|denies} recent {travel|illness}; not on steroids",
        "{wants|would like} the records sent to {her|his} primary care doctor after the visit",
        "can be reached by phone {after 5 pm|in the mornings}; {no|has no} preference for the surgery day",
        "{last|previous} visit <n:2-10> months ago; no new concerns since then",
        "{pt|patient} {wants|would like} {a copy of the estimate|written aftercare instructions}",
        "{requests|wants} {the earliest available date|a call back from the nurse|a copy of the consent form}",
        "{no|denies} latex allergy",
        "{no|denies} family history of problems with anesthesia",
        "photographs taken <n:2-5> months ago are on file",
        "{no|denies} use of {tobacco|nicotine products}",
        "{no|denies} fainting with blood draws",
        "{no|denies} hospital admissions in the past <n:6-24> months",
        "{CBC|basic labs} from <n:2-6> months ago reviewed",
        "{no|denies} history of blood clots",
        "next visit in <n:2-4> months",
        "{wants|requests} a {follow-up call|reminder} <n:2-3> months after the visit; no other requests",
        "{no|denies} {missed appointments|cancellations} in the past <n:6-12> months",
    ],
    ("en", "patient"): [
        "I {don't smoke|have never smoked} and I'm not on any blood thinners",
        "my {doctor|family doctor} referred me <n:2-10> months ago",
        "I saw the surgeon at the hospital <n:2-8> weeks ago",
        "I would like to get this done after <month>",
        "I've been waiting <n:2-6> months for an answer and no one has called me since",
        "{can you|could you} tell me what else you need from my doctor?",
        "I'm not asking for anything extra, I just want a clear answer",
        "my appointment at the clinic was <n:2-5> weeks ago",
        "I have no allergies to medications",
        "I never had any problems with anesthesia before and I have no other surgery planned",
        "no one has asked me for anything else in the last <n:2-5> months",
        "I first asked about this <n:3-14> months ago and I want an answer",
        "I can send more records if you need them",
        "I want to get this done after <month> when I can take time off",
        "no one at the office could tell me when I'd hear back",
    ],
    ("zh", "clinical"): [
        "{无药物过敏史|否认药物过敏史|否认食物、药物过敏史|无药物及食物过敏史}",
        "{无吸烟饮酒史|否认烟酒嗜好|不吸烟，无饮酒史}",
        "{术前未服用阿司匹林等抗凝药物|未服用抗凝药物|近期未服用抗凝药}",
        "<n:2-11>个月前{首次|曾}于{我院|本院|外院}门诊就诊",
        "<n:2019-2024>年起在{我院|外院}门诊{随访|就诊}",
        "{患者|本人}{要求|希望}{择期|尽快|暑假期间|年后}手术，{无其他特殊要求|无其他手术要求|无其他要求}",
        "{医生|主治医生}建议{手术后|治疗后}<n:1-4>周门诊复查",
        "{手术后|治疗后}<n:1-2>周{门诊|定期}随访，{之后|此后}按医嘱复查",
        "{已|}在{市第一人民医院|某三甲医院|省人民医院|当地医院}完成术前检查",
        "{患者|本人}想{了解|咨询}{手术后|治疗后}多久{能上班|可以恢复工作}",
        "要{提前|}预约手术{时间|日期}，{无特殊要求|无其他要求}",
        "{否认|无}麻醉意外史",
        "{无|否认}{高血压|心脏病}病史，{无|未}见手术禁忌",
        "{无|否认}出血倾向，凝血功能{未见异常|正常}",
        "<n:2019-2024>年<n:1-12>月起{在某三甲医院|在{市|省}三甲医院|在{市|省}医院}门诊就诊",
        "{患者|本人}想在{春节后|<n:1-6>个月后|暑假}手术",
        "<n:1-3>个月后{复诊|门诊随访}",
        "{患者|本人}{要求|希望}{治疗后|手术后}{尽快复工|门诊复查}",
        "{无|否认}{输血史|传染病史}",
        "{无|否认}{晕血史|晕针史}，{要求|希望}治疗时{尽量轻柔|注意止痛}",
        "{患者|本人}{要求|希望}{<n:1-3>个月后|年后|治疗后}{复查|再次评估}",
        "{无|否认}血栓病史，要求{术前|入院前}完善检查",
        "{无|否认}传染病史，{已在|曾在}{市|省}三甲医院{体检|检查}",
    ],
    ("zh", "patient"): [
        "我不抽烟{不喝酒|，也没有过敏史}",
        "{上个月|<n:2-6>个月前|去年}去{医院|三甲医院|市医院}{看了|检查过}",
        "医生说{做完后|治疗后}要{休息|恢复}{<n:3-14>天|一段时间}",
        "想问问{还需要什么材料|多久能出结果}",
        "我{希望|想}{下个月|年后|暑假}做",
        "没有{药物过敏|过敏史}",
        "{医生|大夫}{没说|也没说}别的",
        "我{要|得}{请假|跟单位请假}<n:3-10>天",
        "{上个月|<n:2-6>个月前}在{三甲医院|市里的三甲医院|市医院}{查过|看过}，{没有|无}过敏史",
        "我想{下个月|年后|<n:2-5>个月后}手术",
        "{医生|大夫}说{手术后|治疗后}{一个月|<n:2-3>个月}复查",
        "我{没有|无}其他{要求|想法}，就想{问清楚|早点知道结果}",
        "{手术后|治疗后}{想|要}{多休息几天|请几天假}",
        "{没有|无}别的病，想{尽快|早点}做{完|}",
    ],
}
COLOUR_SHARE = {"clinical": 0.9, "patient": 0.75}


def colour(rng: random.Random, lang: str, voice: str, slots: dict) -> list[str]:
    """Zero to two neutral sentences for a text of ``lang`` and ``voice`` (none for questions)."""
    pool = COLOUR.get((lang, voice))
    if not pool or rng.random() >= COLOUR_SHARE.get(voice, 0.0):
        return []
    return [expand(t, rng, slots) for t in rng.sample(pool, k=rng.choice([1, 2, 2] if voice == "clinical" else [1, 1, 2]))]


@dataclass(frozen=True)
class Register:
    name: str
    lang: str
    voice: str
    render: Callable[[random.Random, list[str], dict], str]
    # Relative chance of this register among those of its language and voice.
    weight: float = 1.0
    # The form of text it makes, for the data card: "question", "claim" or "long note".
    form: str = "claim"


def _sentences_en(clauses: list[str]) -> str:
    out = []
    for c in clauses:
        c = c.strip().rstrip(".;")
        if not c:
            continue
        out.append(c[0].upper() + c[1:] + ".")
    return " ".join(out)


def _sentences_zh(clauses: list[str], rng: random.Random) -> str:
    out = []
    for i, c in enumerate(clauses):
        c = c.strip().rstrip("。；，")
        if not c:
            continue
        last = i == len(clauses) - 1
        out.append(c + ("。" if last or rng.random() < 0.35 else "，"))
    return "".join(out)


def _neutral(rng: random.Random, pool: list[str], slots: dict, p: float = 0.3, k: int = 2) -> list[str]:
    if rng.random() >= p:
        return []
    return [expand(t, rng, slots) for t in rng.sample(pool, k=rng.randint(1, k))]


def _letter(rng: random.Random, clauses: list[str], slots: dict) -> str:
    opening = expand(
        "{Dear Medical Director|To the Utilization Review Department|To whom it may concern|Dear Reviewer|"
        "RE: <proc>[ - CPT <code>]|Re: request for <proc>}",
        rng, slots,
    )
    intro = expand(
        "{I am writing {on behalf of|regarding|about} my patient, <pt>, [aged <age>, ]to request "
        "{coverage|prior authorization|approval} for <proc>.|This letter concerns <pt>[, <age> years old], "
        "who is scheduled for <proc>.|I saw <pt> in {clinic|consultation} {last week|on <n:2-28> <month>} "
        "{regarding|to discuss} <proc>.}",
        rng, slots,
    )
    body = _sentences_en(clauses)
    extra = " ".join(_neutral(rng, NEUTRAL_EN, slots, p=0.45))
    closing = expand(
        "{Please do not hesitate to contact me with any questions.|Thank you for your consideration.|"
        "I would be glad to discuss this case with your medical director.|Thank you for reviewing this request.|}",
        rng, slots,
    )
    sign = expand("{Sincerely, Dr. {A. Reyes|M. Chow|K. Adeyemi|J. Fischer}|Regards,|}", rng, slots)
    opening += "." if opening.lower().startswith("re") else ","
    return " ".join(x for x in (opening, intro, body, extra, closing, sign) if x)


def _preop(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand(
        "{Pre-op note|Preoperative assessment|Pre-operative consult|PREOP H&P|Surgical consult}"
        "{: |. |:\n}{Planned procedure: <proc>. |Proc: <proc>. |}",
        rng, slots,
    )
    if rng.random() < 0.5:
        body = "; ".join(c.strip().rstrip(".") for c in clauses if c.strip()) + "."
    else:
        body = _sentences_en(clauses)
    tail = expand("{ Consent obtained, risks discussed.| ASA <n:1-2>.| Will proceed pending authorization.||}", rng, slots)
    return head + body + tail


def _emr(rng: random.Random, clauses: list[str], slots: dict) -> str:
    if len(clauses) > 2 and rng.random() < 0.6:
        cut = rng.randint(1, len(clauses) - 1)
        assessment, plan = clauses[:cut], clauses[cut:]
        label_a = rng.choice(["Assessment:", "A:", "ASSESSMENT", "Impression:", "A/P:"])
        label_p = rng.choice(["Plan:", "P:", "PLAN", "Plan -"])
        return f"{label_a} {_sentences_en(assessment)} {label_p} {_sentences_en(plan)}"
    sep = rng.choice(["; ", ". ", " - ", "\n"])
    head = rng.choice(["A/P: ", "Assessment and plan: ", "", "HPI: "])
    return head + sep.join(c.strip().rstrip(".") for c in clauses if c.strip())


def _adjuster(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand(
        "{Adjuster note|Claim review|Reviewer summary|UR summary|Nurse reviewer|Claim #<n:100000-999999>}{: | - }",
        rng, slots,
    )
    body = "; ".join(c.strip().rstrip(".") for c in clauses if c.strip())
    tail = expand(
        "{. Forwarded for medical review.|. Docs received.|. Pending decision.|. Awaiting op note.|.|}", rng, slots
    )
    text = head + body + tail
    return text.lower() if rng.random() < 0.3 else text


def _prior_auth(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand(
        "{Prior auth request|PA request|Reason for request|Clinical justification|Auth request[ for <proc>]}"
        "{: | - }{[CPT <code>. ]|}",
        rng, slots,
    )
    body = _sentences_en(clauses)
    extra = " ".join(_neutral(rng, NEUTRAL_EN, slots, p=0.35, k=1))
    return " ".join(x for x in (head + body, extra) if x)


def _appeal(rng: random.Random, clauses: list[str], slots: dict) -> str:
    opening = expand(
        "{To whom it may concern,|Hello,|Dear claims team,|I am writing to appeal your decision.|"
        "I'm appealing the denial of my claim.|Hi, I have a question about my claim.|}",
        rng, slots,
    )
    body = _sentences_en(clauses)
    closing = expand(
        "{Please reconsider.|Thank you.|I hope you will approve this.|Please let me know what else you need.|}",
        rng, slots,
    )
    return " ".join(x for x in (opening, body, closing) if x)


_ZH_DATE = "{就诊日期|日期|记录日期}：<n:2019-2025>年<n:1-12>月<n:1-28>日。"


def _zh_date(rng: random.Random, slots: dict, p: float = 0.4) -> str:
    return expand(_ZH_DATE, rng, slots) if rng.random() < p else ""


def _zh_record(rng: random.Random, clauses: list[str], slots: dict) -> str:
    if len(clauses) >= 3 and rng.random() < 0.5:
        head = rng.choice(["主诉：", "现病史：", "病历摘要：", "【病史】"])
        mid = rng.choice(["诊断及处理：", "处理：", "拟诊：", "【处理意见】", "计划："])
        cut = rng.randint(1, len(clauses) - 1)
        return _zh_date(rng, slots) + head + _sentences_zh(clauses[:cut], rng) + mid + _sentences_zh(clauses[cut:], rng)
    head = rng.choice(["病历摘要：", "门诊记录：", "术前小结：", "出院小结：", ""])
    return _zh_date(rng, slots) + head + _sentences_zh(clauses, rng)


def _zh_claim(rng: random.Random, clauses: list[str], slots: dict) -> str:
    intro = expand(
        "{<pt>于<n:2019-2025>年<n:1-12>月在{医院|我院|外院|当地医院}{就诊|行<proc>}，|理赔申请：|报销申请：|"
        "<pt>申请报销<proc>费用。|关于<pt><proc>费用的理赔申请：|}",
        rng, slots,
    )
    body = _sentences_zh(clauses, rng)
    extra = "".join(_neutral(rng, NEUTRAL_ZH, slots, p=0.45))
    return intro + body + extra


def _zh_patient(rng: random.Random, clauses: list[str], slots: dict) -> str:
    opening = expand("{你好，|您好，|请问一下，|客服你好，|}", rng, slots)
    body = "".join(
        c.strip().rstrip("。，") + rng.choice(["，", "。", "，", "！", "…"]) for c in clauses if c.strip()
    )
    closing = expand("{谢谢。|麻烦帮忙看一下。|这个能报吗？|希望能给报销。|}", rng, slots)
    return opening + body + closing


def _operative_report(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand(
        "{OPERATIVE REPORT|Operative note|OP NOTE|Operation report}\n"
        "{Procedure|Operation|Procedure performed}: <proc>[ (CPT <code>)]\n"
        "{Anesthesia: {general|local with sedation|MAC}\n|}"
        "{Indications|Indication for surgery|INDICATIONS}: ",
        rng, slots,
    )
    body = _sentences_en(clauses)
    tail = expand(
        "\n{Description of procedure|Technique|Procedure in detail}: The patient was {identified|brought to the OR}"
        "{ and correct site marked|}. {Standard prep and drape.|Prepped and draped in sterile fashion.} "
        "{Local anesthetic with epinephrine infiltrated.|Time-out performed.|} "
        "{Hemostasis with bipolar cautery.|Meticulous hemostasis obtained.|} "
        "{Closure in layers|Skin closed with 6-0 nylon|Wound closed with absorbable sutures}[ for the best cosmetic result]. "
        "{EBL minimal.|EBL <n:5-150> mL.|} {No complications.|Tolerated well, to recovery in stable condition.|}",
        rng, slots,
    )
    return head + body + tail


def _consultation(rng: random.Random, clauses: list[str], slots: dict) -> str:
    opening = expand(
        "{Dear Dr. {Hall|Yip|Mensah|Ortega},|Dear colleague,|Consultation note.|Re: <pt>[, age <age>]}\n"
        "{Thank you for referring <pt>[, aged <age>,] {for assessment|regarding|to discuss} <proc>.|"
        "I reviewed <pt> in {clinic|the outpatient department} {today|this week}.|"
        "<pt> attended {the clinic|consultation} {with a family member|alone} {today|last week}.}",
        rng, slots,
    )
    body = _sentences_en(clauses)
    closing = expand(
        "{ I have discussed the risks and benefits and added <pt> to the waiting list.| I will see <pt> again "
        "after {authorisation|the photographs}.| I would be happy to see {her|him|them} again.| Kind regards.|}",
        rng, slots,
    )
    return opening + " " + body + closing


def _zh_operative(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand(
        "{手术记录|手术记录单|术中记录}：{手术名称：<proc>。|拟施手术：<proc>。}"
        "{麻醉方式：{局麻|全麻|局麻+静脉镇静}。|}{手术指征：|术前情况：|}",
        rng, slots,
    )
    body = _sentences_zh(clauses, rng)
    tail = expand(
        "{手术经过：|术中所见：}{常规消毒铺巾，|患者仰卧位，常规消毒铺巾，}{局部浸润麻醉，|}"
        "{按术前设计切开，|}{彻底止血，|止血彻底，}{逐层缝合[，美容缝合]|分层缝合切口}。"
        "{术中出血约<n:5-100>ml，|}{手术顺利，|}{术后安返病房。|患者安返。|}",
        rng, slots,
    )
    return head + body + tail


def _zh_consultation(rng: random.Random, clauses: list[str], slots: dict) -> str:
    head = expand("{会诊意见：|会诊记录：|门诊会诊：|专科意见：}{<pt>，{男|女}，<age>岁。|<pt>。|}", rng, slots)
    body = _sentences_zh(clauses, rng)
    tail = expand("{建议：<proc>。|同意行<proc>。|建议择期行<proc>。|}", rng, slots)
    return _zh_date(rng, slots) + head + body + tail


# The asks of the question voice, shared by both labels so that question words say nothing about the label.
# A scenario writes its topic (which carries the reason) and one of these slots, e.g. "!<ask_cost>".
QUESTION_ASKS: dict[str, dict[str, list[str]]] = {
    "en": {
        "ask_cost": ["how much does it cost?", "what's the average cost?", "how much should I expect to pay?", "is it expensive?",
                     "price range?", "what did you pay?", "how much is it {in the US|out of pocket|roughly}?"],
        "ask_recovery": ["how long is recovery?", "how long until I can go back to work?", "what's the downtime like?",
                         "how long does the swelling last?", "when can I exercise again?", "how many weeks off work?"],
        "ask_risk": ["what are the risks?", "any side effects?", "is it safe?", "will it leave a scar?", "what can go wrong?",
                     "how common are complications?", "is it risky?"],
        "ask_where": ["which surgeon should I see?", "can anyone recommend a surgeon?", "what kind of doctor does this?",
                      "best hospital for this?", "who should I see about it?",
                      "which clinic is good {in Chicago|in London|near Boston|in Texas}?"],
        "ask_fix": ["can it be fixed?", "can this be treated?", "is surgery the only option?", "how is it treated?",
                    "can it be cured?", "can it be corrected?"],
        "ask_how": ["what can I do?", "any way to fix it?", "what are my options?", "how do I get rid of it?",
                    "is there anything that can be done?", "what works best?"],
        "ask_do": ["can I get it done?", "is it worth doing?", "how is it done?", "can it be done in one session?",
                   "should I get it done?", "which method is best?"],
        "ask_age": ["is there an age limit?", "am I too old for this?", "what's the best age to do it?", "how old do you have to be?"],
        "ask_pain": ["does it hurt?", "how painful is it?", "is it done under general anesthesia?", "how bad is the pain afterwards?"],
        "ask_result": ["is it worth it?", "how long do results last?", "before and after photos?", "will it look natural?",
                       "are the results permanent?", "does it actually work?"],
        "ask_care": ["what should I do after surgery?", "any tips for aftercare?", "what should I avoid afterwards?",
                     "when can I shower after?"],
    },
    "zh": {
        "ask_cost": ["多少钱", "大概多少钱", "要多少钱", "费用大概多少", "一般要花多少钱", "贵不贵", "价格多少", "费用高吗", "得花多少钱"],
        "ask_recovery": ["多久能恢复", "恢复期多长", "要恢复多久", "多久能上班", "{术后|手术后|做完后}多久消肿", "多久能见效", "多久能好",
                         "要住院几天"],
        "ask_risk": ["有什么风险", "有副作用吗", "危险吗", "会留疤吗", "有后遗症吗", "风险大不大", "安全吗", "会不会有并发症"],
        "ask_where": ["哪家医院好", "去哪个医院做", "挂什么科", "哪里做得好", "找哪个医生", "哪个医院比较专业",
                      "{北京|上海|广州|成都|杭州|武汉|西安}哪家医院好", "挂哪个科室"],
        "ask_fix": ["能治好吗", "怎么治", "能不能治", "可以治吗", "需要手术吗", "要做手术吗", "可以手术吗", "可以治好吗", "能根治吗",
                    "怎么治疗"],
        "ask_how": ["怎么办", "有什么办法", "怎么改善", "如何处理", "能改善吗"],
        "ask_do": ["能做吗", "可以做吗", "能不能做", "怎么做比较好", "做哪种好", "要做几次", "值得做吗"],
        "ask_age": ["多大可以做", "几岁做合适", "年纪大了还能做吗", "什么年龄做最好", "四十多岁还能做吗"],
        "ask_pain": ["疼不疼", "痛吗", "会很疼吗", "疼得厉害吗", "要打麻药吗", "做的时候疼吗"],
        "ask_result": ["效果怎么样", "能维持多久", "做完什么样", "效果好吗", "做了有用吗", "能保持几年", "术前术后差别大吗"],
        "ask_care": ["{术后|手术后}注意什么", "{术后|做完后}能吃辣吗", "做完后能洗脸吗", "术后要忌口吗", "术前要做什么检查"],
    },
}
for _asks in QUESTION_ASKS.values():
    _asks["ask_any"] = [f"<{k}>" for k in ("ask_cost", "ask_recovery", "ask_risk", "ask_where", "ask_pain", "ask_result", "ask_care",
                                           "ask_how")]

_EN_Q_PREFIX = ["", "", "", "", "", "", "Question: ", "Hi all, ", "Quick question - ", "Help: ", "Hello, "]


def _question_en(rng: random.Random, clauses: list[str], slots: dict) -> str:
    """A forum-style question: the clauses joined by light punctuation, no claim framing."""
    parts = [c.strip() for c in clauses if c.strip()]
    text = ""
    for i, part in enumerate(parts):
        if i == 0:
            text = part
            continue
        sep = " " if text.endswith("?") else rng.choice([" - ", ". ", ", ", "... ", " - "])
        if sep in (". ", " ") and part:
            part = part[0].upper() + part[1:]
        text += sep + part
    if not text.endswith("?") and rng.random() < 0.7:
        text = text.rstrip(".") + "?"
    text = rng.choice(_EN_Q_PREFIX) + text
    if rng.random() < 0.75:
        text = text[:1].upper() + text[1:]
    return text


_ZH_Q_PREFIX = ["", "", "", "", "", "", "", "", "请问", "请问一下，", "想问下", "医生你好，", "大夫您好，", "求助：", "问一下，", "急！",
                "想咨询一下，", "想了解一下"]


def _question_zh(rng: random.Random, clauses: list[str], slots: dict) -> str:
    """A short search-box question: topic and ask run together, an optional colloquial opening and particle."""
    parts = [c.strip().rstrip("，,。？?") for c in clauses if c.strip()]
    text = rng.choice(["", "", "", "，", " "]).join(parts)
    if text.endswith(("吗", "呢", "么")):
        text += rng.choice(["？", "?", "", "", "？？"])
    else:
        text += rng.choice(["？", "?", "", "", "", "呢？", "呢", "啊？", "啊", "呀"])
    prefix = rng.choice(_ZH_Q_PREFIX)
    return prefix + text if len(prefix + text) <= 30 else text


REGISTERS = [
    Register("letter_of_medical_necessity", "en", "clinical", _letter),
    Register("preop_note", "en", "clinical", _preop),
    Register("emr_assessment_plan", "en", "clinical", _emr),
    Register("adjuster_summary", "en", "clinical", _adjuster),
    Register("prior_auth", "en", "clinical", _prior_auth),
    Register("patient_appeal", "en", "patient", _appeal),
    Register("operative_report", "en", "clinical", _operative_report),
    Register("consultation_letter", "en", "clinical", _consultation),
    Register("zh_medical_record", "zh", "clinical", _zh_record),
    Register("zh_claim_application", "zh", "clinical", _zh_claim),
    Register("zh_patient_speech", "zh", "patient", _zh_patient),
    Register("zh_operative_record", "zh", "clinical", _zh_operative),
    Register("zh_consultation", "zh", "clinical", _zh_consultation),
    Register("question", "en", "question", _question_en, form="question"),
    Register("zh_question", "zh", "question", _question_zh, form="question"),
    # Long transcribed notes: about 18% of English clinical rows, 6% of Chinese ones.
    Register("long_operative_note", "en", "clinical", operative_note_en, weight=0.77, form="long note"),
    Register("long_consultation_note", "en", "clinical", consultation_note_en, weight=0.77, form="long note"),
    Register("zh_admission_record", "zh", "clinical", admission_record_zh, weight=0.27, form="long note"),
]
FORMS = ("question", "claim", "long note")


def registers_for(lang: str, voice: str) -> list[Register]:
    return [r for r in REGISTERS if r.lang == lang and r.voice == voice]


def choose_register(rng: random.Random, lang: str, voice: str) -> Register:
    """A register of ``lang`` and ``voice``, drawn by weight."""
    options = registers_for(lang, voice)
    return rng.choices(options, weights=[r.weight for r in options])[0]


def form_of(register_name: str) -> str:
    """The form ("question", "claim", "long note") of a register name; mixed-register rows are claims."""
    for r in REGISTERS:
        if r.name == register_name:
            return r.form
    return "claim"
