"""Acne and the resurfacing of scars: treating active acne, and laser or needling of scars.

Guide rules applied here:
- §2 peels row: active acne is a treated disease (THERAPEUTIC); acne-scar resurfacing and
  rejuvenation are COSMETIC. Post-acne marks are acquired pigment or redness (§6.4): COSMETIC.
- §6.1: restoring the look of a scar from injury, burn, cleft or tumour surgery is THERAPEUTIC; colour
  or texture work on a scar from elective surgery with nothing functional is COSMETIC.
- §1 step 3: distress or "medically necessary" on an appearance request does not make it THERAPEUTIC.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

ACNE_TREATMENT = procedure(
    key="acne_treatment",
    names_en=[
        "acne treatment",
        "photodynamic therapy for acne",
        "blue-light acne therapy",
        "ALA-PDT",
        "red and blue light therapy",
        "acne extraction and peel series",
    ],
    names_zh=["痤疮治疗", "痤疮光动力治疗", "红蓝光治疗", "祛痘治疗", "粉刺清除治疗", "果酸祛痘"],
    codeswitch={
        "痤疮": ["acne"],
        "光动力": ["PDT"],
        "异维A酸": ["isotretinoin"],
        "多西环素": ["doxycycline"],
        "阿达帕林": ["adapalene"],
        "过氧化苯甲酰": ["BPO", "benzoyl peroxide"],
        "痘印": ["PIH", "acne marks"],
    },
    scenarios=[
        # Active inflammatory acne after failed first-line care: treating a disease (§2 peels row, §1 a).
        en(
            "therapeutic",
            "clear",
            "!{moderate-to-severe|active inflammatory|nodulocystic|persistent papulopustular} acne {on the face and back|on the face|on the chest and back}",
            "!{failed|no response to} <n:3-6> months of {doxycycline and adapalene|topical clindamycin and benzoyl peroxide|tretinoin and minocycline}",
            "{isotretinoin {declined|contraindicated|not tolerated}|early scarring noted|painful cysts}",
            "{course of|<n:3-6> sessions of} <proc> {planned|requested}",
        ),
        # Beauty-clinic setting and "clear skin" wish, but active acne: still therapeutic (§2, §1).
        en(
            "therapeutic",
            "keyword_trap",
            "!{treated at|booked through} a {med-spa|beauty clinic|skin studio} and {she|he|the patient} wants {clear skin|to look good in photos|a flawless complexion}",
            "!{active|inflamed} acne with {<n:10-40> papules and pustules|several painful nodules|new cysts every week}, {failed|despite} {topical retinoid|oral antibiotics} for <n:3-6> months",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a facial|not for glow or rejuvenation}: {active cystic acne|inflammatory acne} {with new lesions weekly|spreading to the jawline and neck}",
            "!{did not respond to|failed} {doxycycline|topical adapalene and BPO} {over|for} <n:3-6> months",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {still get|keep getting} {painful cysts|big inflamed pimples|breakouts that hurt} on my {face|jaw and back} {every week|all the time}",
            "!{the antibiotics and creams|doxycycline and the gel} {didn't work|haven't helped} after {months|half a year}",
            "my dermatologist {wants to try|recommends} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{what is the best treatment for|how do I get rid of|can a dermatologist cure} {painful cystic acne|acne on my jaw that won't go away|teenage acne}?",
            voice="question",
        ),
        en(
            "therapeutic",
            "clear",
            "!{does <proc> work for|is <proc> effective for|is <proc> covered for|how many sessions of <proc> for} {active acne|inflamed breakouts|moderate acne}?",
            voice="question",
        ),
        # Marks left after acne, acne inactive: acquired pigment/redness, appearance only (§6.4, §2 peels row).
        en(
            "cosmetic",
            "clear",
            "!{brown|red|dark} {post-acne marks|spots left by old pimples|post-inflammatory marks} on the {cheeks|forehead|chin}",
            "!{no active acne|acne has been clear} for {<n:1-6> years|a long time}",
            "{wants|requests} <proc> to {fade the marks|even the tone|stop using concealer}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no acne|no active lesions|no comedones or pustules} on exam",
            "!{wants|requests} <proc> {for glow|to shrink pores|as a preventive facial|to refresh the skin}",
            "{monthly|regular} {sessions|package}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{dermatology|derm} {letter|note} {calls it|says} {medically necessary|treatment of acne sequelae} {because|since} {she is depressed about her marks|it affects his confidence}",
            "!{acne cleared|acne inactive} {<n:1-5> years ago|after isotretinoin}; only {flat brown marks|pinkish marks} remain",
            "<proc>",
        ),
        en(
            "cosmetic",
            "clear",
            "!my acne {went away|cleared up} {years ago|a while back} but I still have {dark spots|red marks} where the pimples were",
            "!I {just|only} want {even skin|them gone for photos}",
            "{will insurance pay for|can I claim} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how to fade|best way to get rid of|how long do you need to fade} {dark acne marks|red pimple marks|post-acne spots}{ fast| at home| on the cheeks|}?",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{面部|面颈部|面部及背部}{中重度|活动期|结节囊肿型|反复发作}痤疮",
            "!{口服多西环素|外用阿达帕林|外用过氧化苯甲酰|口服米诺环素}<n:3-6>个月{效果不佳|无效}",
            "{异维A酸{不耐受|有禁忌}|已出现早期瘢痕|囊肿疼痛}",
            "{拟行|申请}<proc><n:3-6>次",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{美容院|医美机构|皮肤管理中心}{治疗|做项目}，<pt>{希望|想要}{皮肤干净|拍照好看|变美}",
            "!{查体|检查}{面部炎性丘疹、脓疱<n:10-40>个|见多发结节、囊肿}，{外用药|口服抗生素}<n:3-6>个月无效",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容护肤|做脸|嫩肤}",
            "!{活动期|炎症性}痤疮{反复新发|伴结节囊肿}，{规范用药|口服抗生素}<n:3-6>个月{无效|效果差}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我脸上{一直长痘|反复长大红痘}，{又疼又化脓|还有硬的囊肿}",
            "!{医院开的药|抹药吃药}{用了好几个月|半年}{也不见好|还是一直长}",
            "医生{建议|说要}做<proc>，{能报吗|这个算治病吧}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{痤疮|青春痘|下巴长痘|背上长痘}{反复发作|一直好不了|又红又肿}{怎么治|该看哪个科|吃什么药好}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{痤疮|青春痘|脸上长痘}{吃中药有用吗|吃抗生素管用吗|抹阿达帕林有用吗|用什么药膏好}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!<proc>{对痤疮|对青春痘|对炎症痘}{效果怎么样|要做几次|会不会反弹}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{面部|双颊|额部}{痘印|色素沉着|红色痘印}，{痤疮已不活动|近<n:1-5>年无新发痘}",
            "!{要求|希望}{淡化痘印|肤色均匀|皮肤干净}",
            "{申请|咨询}<proc>",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无痤疮|未见炎性皮损|无粉刺}",
            "!{要求|想做}<proc>{收缩毛孔|提亮|保养皮肤|预防长痘}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{皮肤科|医院}{诊断|写了}“{痤疮后色素沉着|痘印}”，{称|写明}“治疗需要”",
            "!{痤疮已愈|目前无新发皮疹}，{仅为|只有}{平的|浅褐色}痘印",
            "<pt>{自述|称}{影响自信|不敢素颜}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{痘痘早就不长了|青春痘好了好几年了}，就是{留了一脸痘印|脸上印子很明显}",
            "!想做<proc>{淡化一下|去掉印子}，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{红痘印|黑痘印|痘印}{多久能消|怎么淡化|用什么去比较快}",
            voice="question",
        ),
    ],
)

RESURFACING = procedure(
    key="acne_scar_resurfacing",
    names_en=[
        "fractional CO2 laser resurfacing",
        "fractional laser resurfacing",
        "microneedling",
        "subcision",
        "erbium laser resurfacing",
        "ablative fractional laser",
    ],
    names_zh=["点阵激光治疗", "点阵二氧化碳激光", "微针治疗", "皮下分离术", "剥脱性点阵激光", "超脉冲点阵激光"],
    codeswitch={
        "点阵激光": ["fractional laser", "fractional CO2"],
        "痘坑": ["acne scars", "boxcar scars"],
        "微针": ["microneedling"],
        "瘢痕": ["scar"],
        "烧伤": ["burn"],
        "增生性瘢痕": ["hypertrophic scar"],
    },
    scenarios=[
        # Acne scars with acne inactive: cosmetic by the §2 peels/dermabrasion row.
        en(
            "cosmetic",
            "clear",
            "!{atrophic|rolling and boxcar|ice-pick} acne scars on {both cheeks|the temples and cheeks|the face}",
            "!acne {inactive|burnt out|clear} for <n:2-12> years",
            "<n:3-5> sessions of <proc> {to smooth the skin|for texture|to soften the scars}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{psychologist|GP|dermatologist} {letter|note} {says|states} the acne scars cause {depression|social anxiety|low self-esteem} and <proc> is medically necessary",
            "!{scars are atrophic and stable|no active acne}, {no pain|no contracture|no functional problem}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no active acne, no keloid, no tightness|asymptomatic, skin otherwise healthy|no pain, itching or contracture}",
            "!{wants|requests} <proc> {for smoother skin|to look younger|to improve texture and fine lines|to soften old acne pits}",
        ),
        # Colour/texture revision of a scar from elective surgery: cosmetic (§6.1).
        en(
            "cosmetic",
            "keyword_trap",
            "!{well-healed|flat, pale} {C-section|caesarean|elective cosmetic surgery} scar, {no pain|no itching|no tightness}",
            "!{wants|asks for} <proc> so the scar {is less visible|blends in|looks smoother}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I have {deep|old} acne scars {on my cheeks|all over my face} from {my teens|high school} and I {hate how they look|can't stand them in photos}",
            "!{no more pimples|the acne is long gone}, {it's just the pits|just the texture}",
            "{is|can} <proc> {covered|be claimed}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how many sessions of <proc> are needed for|is <proc> worth it for|does <proc> work on} {acne scars|pitted acne scars|ice-pick scars}?",
            voice="question",
        ),
        # Scar from injury: restoring appearance after trauma is therapeutic (§6.1).
        en(
            "therapeutic",
            "clear",
            "!{raised|irregular|depressed} scars on the {face|forehead|cheek and chin} from {a dog bite|a car accident|a fall through a glass door|a bicycle crash} <n:6-24> months ago",
            "{uneven texture|visible step-off}[ and itching]",
            "<proc> {planned|requested} {to improve the scar|to restore a more normal surface}",
        ),
        # Burn scar: therapeutic (§6.1, §2 burn row).
        en(
            "therapeutic",
            "clear",
            "!hypertrophic burn scar {on the neck that pulls when turning the head|on the back of the hand that limits making a fist|over the wrist that limits extension|on the forearm, tight and itchy} after {a flame burn|a scald|a grease fire}",
            "{series of|<n:3-5> sessions of} <proc> {planned|requested}",
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{scar after|post-surgical scar from} {Mohs surgery for basal cell carcinoma|excision of a melanoma|removal of a facial tumour} on the {nose|cheek|forehead}",
            "!{goal|aim} is {the best cosmetic result|a smoother, less visible scar}, treated at {a cosmetic laser centre|a med-spa}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{these are not acne scars|not an acne-scar request}: {the scars are from|scarring follows} {a dog attack|a road accident|a house fire}",
            "!{itching and tightness|contour defects} {persist|documented} <n:6-24> months after injury",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {was bitten by a dog|went through a windshield|got burned in a kitchen fire} and {it left|I have} {ugly|raised} scars on my {face|neck}",
            "the {plastic surgeon|dermatologist} {wants to do|recommends} <proc>",
            "{please reconsider|can you cover it}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{can|does} <proc> {help|improve} {burn scars|scars from a dog bite|a scar from skin cancer surgery}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{双颊|面部|颞部}{痘坑|痤疮萎缩性瘢痕|冰锥型痘坑}",
            "!{痤疮已不活动|<n:2-10>年无新发痘}",
            "{申请|拟行}<proc><n:3-5>次{改善皮肤平整度|淡化痘坑}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{心理科|医院}{诊断|写了}“{焦虑|抑郁状态}”，{称|认为}与痘坑有关，{开具|建议}<proc>",
            "!{痘坑稳定|无活动性痤疮}，{无疼痛|无挛缩|无功能障碍}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无活动性痤疮|无瘙痒疼痛|无挛缩}",
            "!{要求|希望}<proc>{改善肤质|皮肤更光滑|年轻化|淡化细纹}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{剖宫产|剖腹产|美容手术后}瘢痕{平整|颜色偏浅}，{无痛痒|无挛缩|无增生}",
            "!{要求|希望}<proc>{让疤痕不明显|改善外观}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{脸上|两边脸上}{痘坑|坑坑洼洼}{很多|特别明显}，{痘痘早就不长了|是青春期留下的}",
            "!想做<proc>{变平一点|好看点}，{医保能报吗|保险给报吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{修复痘坑|治痘坑}{要做几次|有效果吗|恢复期多久|会不会反黑}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{狗咬伤|车祸|玻璃划伤|摔伤}后{面部|额部|面颊}{遗留|留下}{凹凸不平|增生性}瘢痕",
            "{伤后|外伤后}<n:6-24>个月",
            "{拟行|申请}<proc>{修复瘢痕|恢复外观}",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{烧伤|烫伤|火焰烧伤}后{颈部增生性瘢痕，转头时牵拉|手背增生性瘢痕，握拳受限|腕部增生性瘢痕，背伸受限|前臂增生性瘢痕，瘙痒紧绷}",
            "{拟行|申请}<proc><n:3-5>次",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{基底细胞癌|皮肤肿瘤|黑色素瘤}{切除术后|扩大切除后}{鼻部|面部|额部}瘢痕",
            "!{在|于}{医美机构|激光美容中心}治疗，{希望|要求}{美观|疤痕不明显}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是痘坑{修复|治疗}",
            "!{烧伤|车祸伤|动物咬伤}后{瘢痕|疤痕}{瘙痒、紧绷|凹凸不平}，{伤后|已}<n:6-24>个月",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{被狗咬了|出车祸|被开水烫了}，{脸上|脖子上}留了{好大|很硬}的疤，{还痒|一扯就紧}",
            "医生{建议|说可以}做<proc>，{能报销吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{烫伤疤痕|车祸留下的疤|肿瘤切除后的疤}{做|打}<proc>{有用吗|能恢复吗|要几次}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    ACNE_TREATMENT,
    RESURFACING,
]
