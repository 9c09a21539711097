"""The registers real claims come in: how a body of clauses is framed and joined.

Frames are label-neutral on purpose: the same openings, closings and boilerplate
("medically necessary", "photos attached", hospital names) appear for both labels
so that a model cannot learn the label from the wrapper.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

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
    "Requested date of service {next month|in <n:2-8> weeks|pending approval}.",
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


@dataclass(frozen=True)
class Register:
    name: str
    lang: str
    voice: str
    render: Callable[[random.Random, list[str], dict], str]


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


def _zh_record(rng: random.Random, clauses: list[str], slots: dict) -> str:
    if len(clauses) >= 3 and rng.random() < 0.5:
        head = rng.choice(["主诉：", "现病史：", "病历摘要：", "【病史】"])
        mid = rng.choice(["诊断及处理：", "处理：", "拟诊：", "【处理意见】", "计划："])
        cut = rng.randint(1, len(clauses) - 1)
        return head + _sentences_zh(clauses[:cut], rng) + mid + _sentences_zh(clauses[cut:], rng)
    head = rng.choice(["病历摘要：", "门诊记录：", "术前小结：", "出院小结：", ""])
    return head + _sentences_zh(clauses, rng)


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
    return head + body + tail


def _question_en(rng: random.Random, clauses: list[str], slots: dict) -> str:
    text = " ".join(c.strip() for c in clauses if c.strip())
    return text[:1].upper() + text[1:] if rng.random() < 0.7 else text


def _question_zh(rng: random.Random, clauses: list[str], slots: dict) -> str:
    return "，".join(c.strip().rstrip("，,") for c in clauses if c.strip())


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
    Register("question", "en", "question", _question_en),
    Register("zh_question", "zh", "question", _question_zh),
]


def registers_for(lang: str, voice: str) -> list[Register]:
    return [r for r in REGISTERS if r.lang == lang and r.voice == voice]
