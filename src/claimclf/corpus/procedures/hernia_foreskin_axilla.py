"""Hernia repair, circumcision, and surgery for axillary osmidrosis (腋臭).

Guide rules applied here:
- Hernia: a defect with a bulge, pain or incarceration is a treated disease (§1 a). Tightening the
  abdominal wall for a flatter stomach with no hernia (diastasis, loose skin) is COSMETIC (§2
  abdominoplasty row, example E10); a substantiated hernia with an added wish for a flat belly stays
  THERAPEUTIC (§1 mixed rule).
- Circumcision: phimosis with ballooning or difficult voiding, recurrent balanoposthitis, paraphimosis
  or lichen sclerosus are treated conditions (§1 a). Circumcision of a normal, retractable foreskin
  asked only for appearance reshapes normal anatomy: COSMETIC (§1 step 2). The guide does not settle
  hygiene or religious requests without symptoms; the corpus has no such scenario.
- Osmidrosis: treated as a condition with symptoms or after failed topical care it is THERAPEUTIC
  (§6.8). Odour treated with nothing tried and no symptoms is not settled and is left out; the cosmetic
  rows are neighbouring appearance requests (underarm whitening, hair removal) billed under the name.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

CHILD_EN = {"pt": ["the child", "the boy", "this child", "our patient"], "age": ["1", "2", "3", "4", "5"]}
CHILD_ZH = {"pt": ["患儿", "该患儿", "被保险人（患儿）"], "age": ["1", "2", "3", "4", "5"]}
MALE_EN = {"pt": ["the patient", "pt", "the member", "the claimant", "Mr. {Brennan|Singh|Moreau|Tanaka|Osei|Novak}"]}
MALE_ZH = {"pt": ["患者", "被保险人", "该患者", "{王|李|张|刘|陈}先生", "申请人"]}
FEMALE_EN = {"pt": ["the patient", "pt", "the member", "the claimant", "Ms. {Chen|Lopez|Okafor|Walsh|Nakamura|Patel}"]}
FEMALE_ZH = {"pt": ["患者", "被保险人", "该患者", "{王|李|张|刘|陈}女士", "申请人"]}
# A circumcision asked for looks is claimed as the operation itself, not a dorsal slit.
ELECTIVE_EN = {**MALE_EN, "proc": ["circumcision", "adult circumcision", "elective circumcision", "stapler circumcision"]}
ELECTIVE_ZH = {**MALE_ZH, "proc": ["包皮环切术", "包皮环切", "包皮手术", "商环包皮环切术"]}

HERNIA_REPAIR = procedure(
    key="hernia_repair",
    names_en=["hernia repair", "herniorrhaphy", "laparoscopic hernia repair", "open mesh hernia repair",
              "hernioplasty", "tension-free hernia repair"],
    names_zh=["疝修补术", "疝气手术", "腹腔镜疝修补术", "无张力疝修补术", "补片疝修补术", "疝修补手术"],
    codeswitch={
        "腹股沟疝": ["inguinal hernia"],
        "嵌顿": ["incarceration"],
        "补片": ["mesh"],
        "腹直肌分离": ["diastasis recti", "DRA"],
        "切口疝": ["incisional hernia"],
        "脐疝": ["umbilical hernia"],
    },
    scenarios=[
        en(
            "therapeutic",
            "clear",
            "!{right|left|bilateral} inguinal hernia with {a reducible groin bulge|a bulge into the scrotum} and {pain when lifting|aching by the end of the shift|pain on coughing}",
            "{confirmed on exam|ultrasound confirms bowel in the sac}[, no incarceration]",
            "<proc>[ with mesh] {planned|requested}",
        ),
        en(
            "therapeutic",
            "clear",
            "!{incarcerated|painful, difficult-to-reduce} {umbilical|inguinal|femoral} hernia {seen in the ED|with an episode of vomiting}",
            "!{urgent|early} repair advised to avoid strangulation",
            "<proc>",
        ),
        # Measured fascial defect with symptoms: therapeutic; compare with diastasis alone below.
        en(
            "therapeutic",
            "threshold",
            "!{ultrasound|CT} shows a <f:1.5-5.0> cm fascial defect {at the umbilicus|in the midline scar|above the navel} with {omentum|bowel} protruding on Valsalva",
            "!{pain|discomfort} {when lifting|on standing|with coughing} for <n:3-18> months",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!{inguinal hernia in a <n:2-11>-month-old|reducible groin swelling in an infant} {that comes out when crying|found by the pediatrician}",
            "{surgery advised because it will not close on its own|risk of incarceration explained}",
            "<proc>",
            slots=CHILD_EN,
        ),
        # Flat-belly wish beside a substantiated hernia: therapeutic (§1 mixed rule).
        en(
            "therapeutic",
            "keyword_trap",
            "!{she also hopes the belly will look flatter|she also wants a neater waistline|the patient also hopes for a flatter belly} after the repair",
            "!{symptomatic|painful} {incisional|umbilical} hernia with a <f:2.0-6.0> cm defect {after a C-section|after laparotomy|since pregnancy}",
            "<proc>",
            slots=FEMALE_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!I have a {lump in my groin|bulge at my belly button} that {hurts when I lift things|pops out when I cough}",
            "the surgeon {confirmed a hernia|says it's a hernia} and {wants to fix it|recommends <proc>}",
            "{is this covered|please approve}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{how long is recovery after <proc>|when can I lift weights after <proc>|can a hernia heal without surgery|does a baby's inguinal hernia need surgery}?",
            voice="question",
        ),
        # Diastasis or loose skin with no hernia: flatter stomach only, cosmetic (§2 abdominoplasty row, E10).
        en(
            "cosmetic",
            "threshold",
            "!rectus diastasis of <f:1.5-3.5> cm {on ultrasound|on exam}, {no fascial defect|no hernia}",
            "!{wants|hopes for} {a flatter stomach|a tighter waist|to get rid of the mummy tummy}, {no pain|no symptoms}",
            "{tummy tuck with plication|muscle plication} {requested|submitted} as <proc>",
            slots=FEMALE_EN,
        ),
        en(
            "cosmetic",
            "negation",
            "!{no hernia on exam or ultrasound|no bulge, no defect on imaging}",
            "!{loose skin and a soft belly after pregnancy|lower-belly pooch}, {wants|requests} <proc> {with a tummy tuck|to flatten the abdomen}",
            slots=FEMALE_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{surgeon|letter} {calls it|writes} '{abdominal wall weakness|hernia repair}' and {medically necessary|needed}",
            "!{imaging shows no hernia|no defect found}, {only diastasis|only loose skin}; {goal is|wants} {a flat stomach|to fit into her old jeans}",
        ),
        en(
            "cosmetic",
            "clear",
            "!after {two kids|my pregnancies} my belly {sticks out|looks loose} and I {want it flat|hate how it looks}",
            "!the {doctor|surgeon} {checked and there's no hernia|says there is no hernia}",
            "{can I get it covered as|will you pay for} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how do I get a flat stomach after pregnancy|does a tummy tuck fix a mummy tummy|can exercise close diastasis for a flatter belly}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{右侧|左侧|双侧}腹股沟{可复性包块|疝}，{站立时突出、平卧消失|可坠入阴囊}",
            "!{提重物时疼痛|行走时坠胀|咳嗽时胀痛}",
            "{B超|彩超}{示|提示}疝囊内容物为肠管",
            "{拟行|申请}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{腹股沟疝|脐疝|股疝}{嵌顿|不能回纳}，{急诊就诊|伴腹痛呕吐}",
            "!{需|建议}{急诊|尽早}手术，防止绞窄",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!{B超|CT}示{脐部|腹壁切口处|脐上}筋膜缺损约<f:1.5-5.0>cm，{屏气时|咳嗽时}{网膜|肠管}疝出",
            "!{久站|提物时}{胀痛|不适}<n:3-18>个月",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{<n:2-11>个月|1岁}{男婴|患儿}腹股沟疝，{哭闹时突出|可还纳}",
            "{不能自愈|有嵌顿风险}，建议手术",
            "<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!<pt>{同时|也}希望{术后肚子平坦|腰腹好看一些}",
            "!{剖宫产|开腹手术|产后}{切口疝|脐疝}，{缺损约<f:2.0-6.0>cm|有症状}，{疼痛|包块突出}",
            "<proc>",
            slots=FEMALE_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{大腿根|肚脐}{鼓出来一个包|有个包}，{一咳嗽就出来|搬东西就疼}",
            "医院说是{疝气|脐疝}，要做<proc>，{能报吗|住院能报销吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{疝气|腹股沟疝|脐疝}{术后多久能干重活|不做手术会怎样|手术要住几天院|修补后又鼓出来还能再做吗}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{生完孩子后|剖腹产后|怀孕后}{脐疝|肚脐鼓包|切口疝}{要手术吗|能自己好吗|怎么治疗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "threshold",
            "!{B超|查体}示腹直肌分离<f:1.5-3.5>cm，{无筋膜缺损|无疝}",
            "!{希望|要求}{肚子平坦|收腹|去掉小肚子}，{无疼痛|无不适}",
            "{以|按}<proc>{申请|开单}",
            slots=FEMALE_ZH,
        ),
        zh(
            "cosmetic",
            "negation",
            "!{查体及B超未见疝|无包块、无缺损}",
            "!{产后|生育后}{腹部松弛|小肚子突出}，{要求|希望}<proc>{同时收腹|让肚子变平}",
            slots=FEMALE_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{医生|病历}{写|称}“{腹壁薄弱|需修补}”，{注明|认为}{医学必要|需要手术}",
            "!{影像未见疝|未见缺损}，{仅腹直肌分离|仅皮肤松弛}，{目的|诉求}是{平坦小腹|穿衣好看}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{生完孩子|生了两胎}肚子{松松的|一直凸着}，{医生说不是疝气|检查没有疝}",
            "!就想{让肚子平一点|收一下腹}，{能按<proc>报吗|能报销吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{产后想让小肚子变平|产后腹直肌分离想收腹|生完孩子肚皮松}{做什么手术|怎么恢复身材|多少钱}",
            voice="question",
        ),
    ],
)

CIRCUMCISION = procedure(
    key="circumcision",
    names_en=["circumcision", "adult circumcision", "dorsal slit", "preputioplasty", "stapler circumcision",
              "removal of the foreskin"],
    names_zh=["包皮环切术", "包皮手术", "包皮环切", "商环包皮环切术", "包皮切除术", "包皮背侧切开术"],
    codeswitch={
        "包茎": ["phimosis"],
        "包皮龟头炎": ["balanoposthitis", "balanitis"],
        "包皮嵌顿": ["paraphimosis"],
        "硬化性苔藓": ["lichen sclerosus", "BXO"],
        "尿路感染": ["UTI"],
    },
    scenarios=[
        en(
            "therapeutic",
            "clear",
            "!{phimosis|tight non-retractile foreskin} with {ballooning and spraying on voiding|urine trapped under the foreskin|straining to void}",
            "{<n:4-8> weeks of topical steroid failed|steroid cream did not loosen it}",
            "<proc>",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{recurrent balanoposthitis|repeated foreskin infections}, {<n:3-6> episodes in a year|needing antibiotics <n:3-5> times}",
            "!{fissuring and scarring of the foreskin|pain with erections|swelling and discharge}",
            "<proc>",
            slots=MALE_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{lichen sclerosus of the foreskin|BXO} with a {scarred, white|tight} {preputial ring|foreskin} {confirmed on biopsy|on exam}",
            "!{difficulty voiding|painful tearing during intercourse}",
            "<proc>",
            slots=MALE_EN,
        ),
        # Partner preference mentioned, but recurrent infection documented: therapeutic (§1 mixed rule).
        en(
            "therapeutic",
            "keyword_trap",
            "!{he also says|patient mentions} {his partner prefers the look|he would like it to look neater}",
            "!{recurrent balanitis|<n:3-5> documented infections} with {fissures|a tightening ring} despite {antifungal cream|hygiene measures and steroid cream}",
            "<proc>",
            slots=MALE_EN,
        ),
        en(
            "therapeutic",
            "negation",
            "!{not for appearance or religious reasons|not an elective request}: {paraphimosis|foreskin trapped behind the glans} {reduced in the ED|needing manual reduction} {twice|<n:2-3> times}",
            "!{tight phimotic ring|scarred foreskin}",
            "<proc>",
            slots=MALE_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!my {son's|little boy's} foreskin {balloons up when he pees|is so tight he cries when he pees} and he {has had infections|got a UTI}",
            "the {urologist|pediatrician} {tried cream first|says cream didn't work} and {recommends|wants} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{does a tight foreskin in a child need surgery|what helps recurrent foreskin infections|how long is recovery after <proc> for phimosis}?",
            voice="question",
        ),
        # Normal, retractable foreskin, appearance only: cosmetic (§1 step 2).
        en(
            "cosmetic",
            "clear",
            "!{foreskin fully retractable|normal foreskin}, {no infections|no voiding or sexual problems}",
            "!{wants|requests} <proc> {because he prefers how it looks|for appearance only|for a neater look}",
            slots=ELECTIVE_EN,
        ),
        en(
            "cosmetic",
            "negation",
            "!{no phimosis|no balanitis|no pain or tearing}, {retracts easily|exam normal}",
            "!{requests|asks for} <proc> {for looks|because of how it looks|for cosmetic reasons}",
            slots=ELECTIVE_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{clinic letter|the request} {says|calls it} {'medically necessary'|'redundant prepuce, surgery advised'}",
            "!{foreskin retracts fully, no infection|no symptoms documented}; {he wants a better appearance|the reason given is a neater look}",
            slots=ELECTIVE_EN,
        ),
        en(
            "cosmetic",
            "clear",
            "!{nothing's wrong with it|I've never had an infection}, I just {think it would look better|prefer the look} {circumcised|without the foreskin}",
            "{is <proc> covered|can I claim <proc>}",
            voice="patient",
            slots=ELECTIVE_EN,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{包茎|包皮口狭窄}，{排尿时包皮鼓包|尿线细、排尿费力|尿液积存于包皮内}",
            "{外用激素软膏<n:4-8>周无效|保守治疗无效}",
            "<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{反复包皮龟头炎|包皮反复感染}，{一年<n:3-6>次|多次抗感染治疗}",
            "!{包皮皲裂、瘢痕|勃起疼痛|红肿流脓}",
            "<proc>",
            slots=MALE_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{包皮硬化性苔藓|包皮干燥闭塞性龟头炎}，{包皮口瘢痕狭窄|包皮发白变硬}",
            "!{排尿困难|同房时撕裂疼痛}",
            "<proc>",
            slots=MALE_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!<pt>{也|还}提到{女朋友觉得不好看|想更美观}",
            "!{反复包皮炎|包皮感染<n:3-5>次}，{包皮口皲裂|包皮狭窄环}，{外用药无效|抗真菌治疗后反复}",
            "<proc>",
            slots=MALE_ZH,
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{为了美观|单纯要求手术}",
            "!{包皮嵌顿|包皮卡在冠状沟}{急诊复位<n:2-3>次|多次手法复位}，{包皮口狭窄|有狭窄环}",
            "<proc>",
            slots=MALE_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{儿子|孩子}{尿尿时小鸡鸡鼓包|包皮太紧翻不开}，{还发过炎|红肿过几次}",
            "医生{说抹药不管用|建议}做<proc>，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{小孩包茎|包皮反复发炎|包皮嵌顿}{需要做手术吗|怎么处理|做<proc>后几天能好}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{包皮可完全上翻|包皮正常}，{无感染|无排尿及性生活障碍}",
            "!{要求|希望}<proc>{仅为美观|觉得更好看|改善外观}",
            slots=ELECTIVE_ZH,
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无包茎|无包皮炎|无疼痛}，{上翻自如|查体正常}",
            "!{要求|申请}<proc>{为了好看|因在意外观}",
            slots=ELECTIVE_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{门诊|诊所}{开具|写了}“{包皮过长，建议手术|医学需要}”",
            "!{包皮可上翻、无炎症|无任何症状}，<pt>{诉求|目的}为{美观|看起来更好看}",
            slots=ELECTIVE_ZH,
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{包皮能翻上去|没发过炎}，{也没什么不舒服|一切正常}，就是{觉得割了好看|想更美观}",
            "{<proc>能报吗|做<proc>能走医保吗}",
            voice="patient",
            slots=ELECTIVE_ZH,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{should I get circumcised|how soon can I swim after a circumcision done} just {for looks|because I prefer how it looks}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{包皮没问题|包皮正常}{只是为了好看|想更美观}{能做吗|值得做吗}",
            voice="question",
        ),
    ],
)

OSMIDROSIS = procedure(
    key="axillary_osmidrosis",
    names_en=["osmidrosis surgery", "axillary apocrine gland excision", "subdermal excision of apocrine glands",
              "suction-curettage of the axillae", "bromhidrosis surgery", "underarm odour surgery"],
    names_zh=["腋臭手术", "腋臭根治术", "狐臭手术", "小切口腋臭手术", "腋臭微创手术", "大汗腺切除术"],
    codeswitch={
        "腋臭": ["osmidrosis", "bromhidrosis"],
        "狐臭": ["osmidrosis"],
        "大汗腺": ["apocrine glands"],
        "毛囊炎": ["folliculitis"],
        "止汗剂": ["antiperspirant"],
    },
    scenarios=[
        # Odour with symptoms or after failed topicals: therapeutic (§6.8).
        en(
            "therapeutic",
            "clear",
            "!axillary osmidrosis {since puberty|for <n:5-20> years} with {strong odour noted by others|persistent malodour despite washing}",
            "!{antiperspirants and antibacterial washes|topical clindamycin and aluminium chloride} {failed over|used for} <n:3-12> months",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!{bromhidrosis|osmidrosis} with {recurrent axillary folliculitis|skin irritation and rash|secondary infection}",
            "{<n:2-4> courses of antibiotics this year|treated by dermatology}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{booked at|treated at} {a med-spa|an aesthetic clinic} that also does {underarm whitening|laser hair removal}",
            "!{documented osmidrosis|strong axillary odour}, {failed|despite} <n:3-12> months of {prescription antiperspirant|topical antibacterials}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a cosmetic request|not for looks}: {osmidrosis|axillary malodour} {persisting after|despite} {months of|<n:3-12> months of} topical treatment",
            "{affects work|coworkers complain}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!my {underarm odour|armpit smell} is {so strong|bad enough} that {coworkers moved away|I change shirts twice a day}",
            "!I {tried|used} {every antiperspirant and the prescription one|the cream the doctor gave me} for {months|a year} and nothing worked",
            "the dermatologist {recommends|suggested} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{does <proc> cure underarm odor for good|can osmidrosis come back after <proc>|how long is recovery after <proc>}?",
            voice="question",
        ),
        # Appearance requests billed under the name, no odour: cosmetic (§1, neighbouring hair removal row).
        en(
            "cosmetic",
            "keyword_trap",
            "!{billed as|coded as} <proc>, but the service was {underarm whitening|laser hair removal and skin lightening|an underarm 'refresh' package}",
            "!{no odour|denies odour or sweating problems}, {skin healthy|no infection}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no malodour on exam|denies any odour problem}, {no rash|no infection|normal sweating}",
            "!{wants|requests} {the underarms lightened|the hair gone|smoother underarms} {for sleeveless tops|for photos}",
            "<proc> {written on the estimate|on the invoice}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {don't have|never had} {a smell problem|body odor}, I just want my {dark underarms lighter|underarms smooth for summer}",
            "!the clinic {wrote it up as|calls it} <proc>",
            "{can I claim it|is it covered}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!腋臭{<n:5-20>年|自青春期起}，{气味浓烈|他人可闻及|洗澡后仍有异味}",
            "!{止汗剂及抗菌洗剂|外用药物}{使用|治疗}<n:3-12>个月{无效|效果不佳}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{腋臭伴反复毛囊炎|狐臭伴腋下湿疹|腋臭继发感染}",
            "{一年内多次抗感染治疗|皮肤科反复就诊}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{医美机构|美容门诊}{治疗|就诊}，该机构也做{腋下美白|脱毛}",
            "!{确诊腋臭|腋下异味明显}，{外用药<n:3-12>个月无效|止汗剂使用多年无效}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容|美白脱毛}",
            "!{腋臭|狐臭}{明显|影响工作}，{外用药物|止汗剂}<n:3-12>个月无效",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{狐臭|腋臭}{特别重|很严重}，{同事都躲着我|夏天不敢出门|一天要换几次衣服}",
            "!{止汗露和药|各种药膏}{用了一年|试了好几个月}都没用，医生建议做<proc>",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{腋臭|狐臭}{做<proc>会复发吗|手术后多久能抬胳膊|微创和小切口哪个好|手术疼吗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{以|按}<proc>{名义|开单}{报销|理赔}，{实际|但实际}为{腋下美白|激光脱毛|腋下嫩肤}",
            "!{无异味|否认腋臭}，{皮肤正常|无感染}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{查体无异味|否认腋臭}，{无皮疹|出汗正常}",
            "!{要求|希望}{腋下变白|去除腋毛|腋下皮肤光滑}，{收费单|项目单}写<proc>",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{没有狐臭|不臭}，就是{腋下有点黑，想弄白一点|腋毛多不好看，想去掉|想腋下皮肤光滑点}",
            "!{机构|店里}写的是<proc>，{能报吗|保险给赔吗}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{how much is|how soon can I shave after} {underarm whitening|laser underarm lightening} {for darker armpits|so I can wear sleeveless tops}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{腋下美白|腋下脱毛}{多少钱|要做几次|能维持多久}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    HERNIA_REPAIR,
    CIRCUMCISION,
    OSMIDROSIS,
]
