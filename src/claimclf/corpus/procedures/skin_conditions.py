"""Skin conditions treated for what they are: vitiligo, and birthmarks removed by surgery or drugs.

Guide rules applied here:
- §1 (a): vitiligo is a disease; phototherapy, excimer laser and grafting treat it, and a wish to look
  normal does not change that (incidental cosmetic benefit, §1).
- §1 list of cosmetic cues (美白, even tone): whitening normal skin is COSMETIC. The guide does not say
  whether a camouflage tattoo for vitiligo is cosmetic, so the corpus has no such scenario.
- §6.4: congenital pigmented or vascular lesions (large congenital nevus, haemangioma, port-wine
  stain, birthmarks present since birth) are THERAPEUTIC; acquired moles and spots removed for looks
  are COSMETIC (also the §2 benign-lesion row: appearance, distress).
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

CHILD_EN = {"pt": ["the child", "the boy", "the girl", "our patient"], "age": ["4", "5", "6", "7"]}
CHILD_ZH = {"pt": ["患儿", "该患儿", "被保险人（患儿）"], "age": ["4", "5", "6", "7"]}
PHOTO_EN = {"proc": ["narrowband UVB phototherapy", "NB-UVB phototherapy", "308 nm excimer laser", "excimer laser therapy"]}
PHOTO_ZH = {"proc": ["窄谱中波紫外线光疗", "308准分子激光治疗", "白癜风光疗", "NB-UVB光疗"]}
GRAFT_EN = {"proc": ["melanocyte-keratinocyte transplantation", "epidermal suction blister grafting", "vitiligo grafting"]}
GRAFT_ZH = {"proc": ["自体表皮移植术", "黑素细胞移植术", "白癜风表皮移植"]}
# Acquired moles are claimed under their own names; the keyword trap below keeps the birthmark name.
MOLE_EN = {"proc": ["mole removal", "excision of a benign mole", "laser mole removal", "shave removal of a mole"]}
MOLE_ZH = {"proc": ["祛痣", "色素痣切除术", "激光点痣", "痣切除术"]}

VITILIGO = procedure(
    key="vitiligo_treatment",
    names_en=[
        "narrowband UVB phototherapy",
        "NB-UVB phototherapy",
        "308 nm excimer laser",
        "excimer laser therapy",
        "melanocyte-keratinocyte transplantation",
        "epidermal suction blister grafting",
    ],
    names_zh=["白癜风治疗", "窄谱中波紫外线光疗", "308准分子激光治疗", "自体表皮移植术", "黑素细胞移植术", "白癜风光疗"],
    codeswitch={
        "白癜风": ["vitiligo"],
        "窄谱中波紫外线": ["NB-UVB"],
        "准分子激光": ["excimer laser"],
        "他克莫司": ["tacrolimus"],
        "伍德灯": ["Wood's lamp"],
        "表皮移植": ["epidermal graft"],
    },
    scenarios=[
        # Diagnosed, spreading vitiligo: a disease being treated (§1 a).
        en(
            "therapeutic",
            "clear",
            "!{non-segmental|generalized|progressive} vitiligo {confirmed under Wood's lamp|diagnosed by dermatology}, {new patches on the hands and face|spreading over <n:3-12> months|about <n:5-20>% BSA}",
            "{topical tacrolimus|potent topical steroid} for <n:3-6> months {with limited response|without repigmentation}",
            "<proc> {twice weekly|<n:2-3> times a week} {requested|planned}",
            slots=PHOTO_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{stable segmental|stable} vitiligo {on the chin|of the lip|on the forehead|on the hand}, no new lesions for <n:12-36> months",
            "!{failed|no response to} {phototherapy|topicals and excimer} {over|for} <n:6-18> months",
            "<proc> {planned|requested}",
            slots=GRAFT_EN,
        ),
        # Appearance words and a cosmetic-dermatology clinic do not change a disease (§1 incidental benefit).
        en(
            "therapeutic",
            "keyword_trap",
            "!{vitiligo|depigmented vitiligo patches} {around the eyes and mouth|on the face and hands} {documented by|confirmed by} {dermatology|Wood's lamp exam}",
            "!{she|he|the patient} {wants to look normal again|hopes to stop using cover-up makeup|is embarrassed at work}, treated at {a cosmetic dermatology centre|an aesthetic laser clinic}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a whitening or beauty request|this is not cosmetic}: {active vitiligo|vitiligo} with {new lesions|Koebner lesions|spreading patches} {this year|over the last months}",
            "<proc> {requested|to continue}",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {have|was diagnosed with} vitiligo and {white patches keep spreading|new white spots keep showing up} on my {face and hands|arms|neck}",
            "the {dermatologist|skin doctor} {put me on|prescribed} <proc> {twice a week|for several months}",
            "{will insurance pay for it|please cover the sessions}",
            voice="patient",
            slots=PHOTO_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{can vitiligo be cured|how do you stop vitiligo from spreading|does <proc> work for vitiligo|how long does <proc> take to repigment vitiligo}?",
            voice="question",
        ),
        # Whitening normal skin: cosmetic (§1 cosmetic cues).
        en(
            "cosmetic",
            "keyword_trap",
            "!{billed as|coded as|submitted under} <proc>, {but|however} the service was {a skin-whitening package|laser toning to lighten the complexion|whitening light therapy}",
            "!{no vitiligo|no depigmented patches}, Wood's lamp {negative|normal}; {wants|goal is} {a lighter, even tone|fairer skin}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no vitiligo or other pigment disorder|skin exam normal, no depigmentation}",
            "!{wants|requests} {a whitening package|laser toning|whitening light treatment} {to even out a tan line|for a brighter complexion|to lighten her overall skin tone}",
            "<proc> {on the claim form|written on the request}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {don't have vitiligo|have no skin disease}, I just want {lighter|whiter|more even} skin",
            "!the clinic {calls it|wrote it up as} <proc>{ on the receipt|}",
            "{can I claim it|is it covered}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{is skin-whitening light therapy safe|what is the best treatment to lighten my skin tone|do whitening injections really work}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{非节段型|泛发型|进展期}白癜风，{伍德灯检查确诊|皮肤科确诊}，{面部及双手新发白斑|近<n:3-12>个月白斑扩大|皮损面积约<n:5-20>%}",
            "{外用他克莫司|外用糖皮质激素}<n:3-6>个月{效果不佳|未见复色}",
            "{拟行|申请}<proc>{每周<n:2-3>次|}",
            slots=PHOTO_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{稳定期|节段型}白癜风，{下颌|口周|额部|手背}白斑<n:12-36>个月无新发",
            "!{光疗|药物及光疗}<n:6-18>个月{无效|复色不明显}",
            "{拟行|申请}<proc>",
            slots=GRAFT_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{面部|口周及眼周}白癜风，{皮肤科确诊|伍德灯下白斑明显}",
            "!{于|在}{医美机构|皮肤美容中心}治疗，<pt>{希望|想}{恢复正常肤色|不用遮瑕|改善外观}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美白|美容项目}",
            "!白癜风{进展期|白斑扩大}，{近期有新发皮损|出现同形反应}",
            "{申请|继续}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我得了白癜风，{脸上和手上的白斑越来越多|白斑一直在扩散}",
            "医生{让我|建议}{每周去照光|做<proc>}，{能报吗|医保管吗}",
            voice="patient",
            slots=PHOTO_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{白癜风|孩子得了白癜风|手上的白癜风}{能治好吗|怎么控制不扩散|照光要照多久|做<proc>有效吗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{以|按}<proc>{名义|项目}申请报销，{实际|但实际}为{美白针|激光美白|美白光疗}",
            "!{无白癜风|无色素脱失斑}，伍德灯{阴性|未见异常}，{要求|希望}{皮肤变白|肤色提亮}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无白斑|皮肤检查未见色素异常|无色素性疾病}",
            "!{要求|想做}{美白光疗|激光美白|美白项目}{美白|提亮肤色|让肤色均匀}",
            "{单据|申请单}写<proc>",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{没有白癜风|皮肤没病}，就是{想白一点|觉得自己太黑}，{机构|店里}{说|写的}是<proc>",
            "{能报吗|能走保险吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{美白针|美白光疗|全身美白}{有用吗|安全吗|能维持多久}",
            voice="question",
        ),
    ],
)

BIRTHMARK = procedure(
    key="birthmark_treatment",
    names_en=[
        "birthmark removal",
        "birthmark excision",
        "excision of a congenital lesion",
        "staged excision of a birthmark",
        "serial excision of a birthmark",
        "surgical removal of a birthmark",
    ],
    names_zh=["胎记切除术", "胎记治疗", "先天性皮肤病变切除术", "胎记分期切除术", "胎记去除手术"],
    codes=["11403", "11406", "11426", "11446"],
    codeswitch={
        "先天性黑色素细胞痣": ["congenital melanocytic nevus", "CMN"],
        "血管瘤": ["hemangioma"],
        "普萘洛尔": ["propranolol"],
        "皮肤扩张器": ["tissue expander"],
        "皮脂腺痣": ["nevus sebaceus"],
        "色素痣": ["nevus", "mole"],
    },
    scenarios=[
        # Congenital pigmented lesion: therapeutic (§6.4, large congenital nevus named).
        en(
            "therapeutic",
            "clear",
            "!{large|giant} congenital melanocytic nevus {on the back|over the scalp|on the thigh|on the cheek}, about <n:8-25> cm, present since birth",
            "{thickened and hairy|nodular areas|itching}[, followed by dermatology]",
            "{staged excision with tissue expansion|serial excision} {planned|requested}",
        ),
        en(
            "therapeutic",
            "clear",
            "!{involuted|regressed} infantile {hemangioma|haemangioma} of the {lip|nasal tip|cheek} {left|leaving} {fibrofatty residue|redundant skin and a bulky lip}",
            "!{treated with propranolol in infancy|propranolol given from 3 months of age}",
            "<proc> {planned|requested} at age <n:4-7>",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!nevus sebaceus of the {scalp|temple|forehead} present since birth, {thickening|becoming warty} {at puberty|over the past year}",
            "{bald patch in the hair|occasional bleeding when combing}",
            "<proc>",
        ),
        # Congenital lesion with appearance words: still therapeutic (§6.4).
        en(
            "therapeutic",
            "keyword_trap",
            "!{birthmark|congenital nevus} {on the cheek|on the nose|on the neck} present since birth",
            "!{the family wants|parents want|<pt> wants} it removed {before school starts|so he is not teased|for a normal appearance}, {at a private cosmetic surgery clinic|by an aesthetic surgeon}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not an acquired mole|this is not a cosmetic mole removal}: {pigmented lesion|dark patch} documented {since birth|in newborn records}",
            "!{<n:3-10> cm|large}, {dermatology recommends removal|monitored yearly}",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!my {son was born with a big dark birthmark on his back|daughter was born with a large brown hairy mark on her cheek|baby was born with a dark birthmark on the scalp}",
            "the {pediatric dermatologist|plastic surgeon} {recommends|wants to do} <proc>",
            "{please cover it|is this covered}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{should a birthmark my baby was born with be removed|at what age can a congenital nevus be removed|does a baby's strawberry hemangioma need treatment}?",
            voice="question",
        ),
        # Acquired mole or spot removed for looks: cosmetic (§6.4; §2 benign-lesion row).
        en(
            "cosmetic",
            "clear",
            "!{mole|small brown mole|raised mole} on the {cheek|chin|upper lip|neck} {appeared in her 20s|acquired in adulthood|noticed at age 25}",
            "!{wants it removed|removal requested} {for appearance|because she dislikes it|for her wedding photos}",
            "<proc>",
            slots=MOLE_EN,
        ),
        en(
            "cosmetic",
            "negation",
            "!{acquired|adult-onset} {nevus|seborrheic keratosis|brown spot} on the {face|temple|neck}, {stable for years|unchanged}",
            "!{no bleeding, itching or change|dermoscopy benign|no atypia, asymptomatic}",
            "!{wants|requests} <proc> {for looks|to have clearer skin}",
            slots=MOLE_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{GP|dermatologist} {letter|note} {calls|describes} the {acquired mole|mole on her chin} {a 'birthmark'|'disfiguring'} and {medically necessary|distressing} to remove",
            "!{it appeared in adulthood|first noticed at <n:20-40>}, {benign on dermoscopy|no symptoms}",
            "<proc>",
        ),
        en(
            "cosmetic",
            "clear",
            "!I have a {mole|dark spot} on my {face|nose|chin} {that showed up a few years ago|since my twenties} and I {don't like it|want it gone}",
            "!it doesn't {bleed|itch or change}, it's just {for looks|cosmetic}",
            "{can I claim|is} the <proc>{ covered|}",
            voice="patient",
            slots=MOLE_EN,
        ),
        en(
            "cosmetic",
            "clear",
            "!{does cosmetic mole removal on the face leave a scar|how much does it cost to remove a mole for looks|is laser removal of a face mole I just don't like safe}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{先天性|出生即有}{巨痣|大面积色素痣|先天性黑色素细胞痣}，{位于背部|位于头皮|位于大腿|位于面颊}，{约<n:6-25>cm|面积较大}",
            "{表面增厚伴毛发|局部结节|瘙痒}",
            "{拟分期切除|拟扩张器置入后切除|申请<proc>}",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{婴幼儿血管瘤|血管瘤}{消退后|口服普萘洛尔后}{唇部|鼻尖|面颊}遗留{纤维脂肪组织|皮肤松弛、局部臃肿}",
            "{患儿|<pt>}<n:4-7>岁",
            "{拟行|申请}<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{头皮|颞部|额部}皮脂腺痣，{出生即有|自幼存在}，{青春期后增厚|近一年呈疣状增生}",
            "{局部无发|梳头时易出血}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{面颊|鼻部|颈部}{胎记|先天性色素痣}，出生即有",
            "!{家长|<pt>}{希望|要求}{上学前去掉|改善外观|不被同学笑话}，{于|在}{整形美容医院|医美机构}{就诊|手术}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{普通点痣|后天的痣|美容祛痣}",
            "!{出生时即有|新生儿期记录}{色素斑|黑色胎记}，{约<n:3-10>cm|面积大}，{皮肤科建议切除|每年随访}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{孩子|女儿|儿子}{一生下来|出生时}{背上|脸上|头皮上}就有{一大块黑色胎记|很大的黑痣}",
            "医生{建议|说要}{分次切|做<proc>}，{能报吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{孩子|宝宝|小孩}{身上的黑胎记|脸上的血管瘤|头上的先天痣}{几岁切比较好|要不要手术|会不会癌变}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{宝宝|孩子|女儿|儿子}{眼角|脸上|额头|背上}的{胎记|咖啡斑|红色胎记|青色胎记}{怎么去掉|能去除吗|用什么方法去比较好}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{面部|下巴|上唇|颈部}{色素痣|小黑痣|凸起的痣}，{成年后出现|<n:20-30>岁后出现}",
            "!{要求|希望}{去除|点掉}{改善外观|拍照好看|为了结婚}",
            "<proc>",
            slots=MOLE_ZH,
        ),
        zh(
            "cosmetic",
            "negation",
            "!{后天|成年后}{色素痣|脂溢性角化|斑点}，{多年无变化|稳定}",
            "!{无出血|无瘙痒|皮肤镜未见异常|无增大}",
            "!{要求|想}<proc>{变好看|皮肤干净}",
            slots=MOLE_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{医生|病历}{把|将}{后天长的痣|下巴上的痣}{写成“胎记”|写为“影响容貌”}，{注明|称}{需要切除|医学需要}",
            "!{<n:20-40>岁才出现|成年后出现}，{皮肤镜良性|无症状}",
            "<proc>",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我脸上有{颗痣|个小黑痣}，{是这几年长的|大学时候长出来的}，{不痛不痒|没什么变化}",
            "!就是{觉得难看|想去掉好看点}，<proc>{能报销吗|保险管不管}",
            voice="patient",
            slots=MOLE_ZH,
        ),
        zh(
            "cosmetic",
            "clear",
            "!{为了好看|嫌难看|想脸上干净点}{点痣|激光祛痣|去掉脸上的痣}{会留疤吗|多少钱一颗|做完多久能沾水}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    VITILIGO,
    BIRTHMARK,
]
