"""Light and injection treatments sold for the look of the skin: photo-rejuvenation (IPL) and skin boosters.

Guide rules applied here:
- §6.4: 光子嫩肤 for skin tone, acquired pigment and redness are COSMETIC; a congenital vascular or
  pigmented lesion is THERAPEUTIC whatever device treats it.
- §1 (c) and §6.1: restoring the look of skin changed by a burn or by cancer treatment (radiotherapy)
  is THERAPEUTIC.
- §2 fillers row: 水光针 is a ◆ procedure (presumed COSMETIC); §6.9: treating a complication of it
  (infection, nodules, necrosis) is THERAPEUTIC, a redo because the result is disliked is COSMETIC.
- §6.10: a bare ◆ name is COSMETIC; photo-rejuvenation is not a ◆ row, so it is not presumed.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

# Not presumed cosmetic (§6.10): the guide gives no ◆ to the pigment/IPL row, and IPL also treats
# congenital vascular lesions; every scenario states its reason.
PHOTOREJUVENATION = procedure(
    key="photorejuvenation",
    names_en=[
        "IPL photofacial",
        "intense pulsed light treatment",
        "IPL",
        "photorejuvenation",
        "IPL photorejuvenation",
        "BBL photofacial",
    ],
    names_zh=["光子嫩肤", "强脉冲光治疗", "IPL光子治疗", "彩光嫩肤", "光子嫩肤治疗", "强脉冲光嫩肤"],
    codeswitch={
        "强脉冲光": ["IPL", "intense pulsed light"],
        "光子嫩肤": ["IPL", "photofacial"],
        "鲜红斑痣": ["port-wine stain", "PWS"],
        "毛细血管扩张": ["telangiectasia"],
        "放疗": ["RT", "radiotherapy"],
        "乳腺癌": ["breast cancer"],
    },
    scenarios=[
        # Appearance of normal, ageing skin: cosmetic (§1; §6.4 光子嫩肤 for tone).
        en(
            "cosmetic",
            "clear",
            "!{series of|package of} <n:3-6> <proc> sessions for {uneven skin tone|dullness|sun damage and redness|a brighter complexion}",
            "!{goal|aim} is {a more youthful look|glowing skin|a more even tone|to look refreshed}",
            "{booked|purchased} at {a med-spa|an aesthetic clinic|a dermatology practice}",
        ),
        # Acquired pigment and redness with no disease: cosmetic (§6.4).
        en(
            "cosmetic",
            "negation",
            "!{scattered sun spots|mild diffuse redness|freckling and mottled pigment} on the {cheeks|face and neck|chest}",
            "!{no rosacea flares or burning|no skin disease found|no congenital lesion, no bleeding|dermoscopy benign, asymptomatic}",
            "!{wants|would like} <proc> to {even out the tone|look younger|fade the spots}",
        ),
        # "Medically necessary" and a hospital prescription on a tone request: still cosmetic (§1 step 3).
        en(
            "cosmetic",
            "keyword_trap",
            "!{dermatologist|the hospital dermatology clinic} {prescribed|ordered} <proc> and the {note|letter} says {medically necessary|it is needed for her wellbeing}",
            "!{indication|reason} {given as|listed as} {photoaging|skin rejuvenation|uneven pigmentation and fine lines}, {no diagnosis of disease|nothing else documented}",
            "{she reports|pt reports} {low mood about her skin|feeling self-conscious without makeup}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I want to do <proc> because my skin {looks dull|has some brown spots|looks older than I am}",
            "!{nothing's wrong with my skin|I don't have any skin condition}, I just want {it to glow|to look fresher|an even tone}",
            "{can I use my insurance|is this something insurance pays for}",
            voice="patient",
        ),
        # Congenital port-wine stain treated with IPL, even at a med-spa: therapeutic (§6.4).
        en(
            "therapeutic",
            "keyword_trap",
            "!{congenital|present-since-birth} port-wine stain {on the cheek|over the neck|on the forehead}, {pink and flat|slowly darkening}",
            "!treated with <proc> {at a med-spa|at an aesthetic laser clinic|booked as a 'photofacial'} because {pulsed dye laser was not available locally|the family chose that clinic}",
            "{goal is|hoping} to {make the mark less visible|lighten it}",
        ),
        # Radiation telangiectasia after breast cancer: restoring skin changed by tumour treatment (§1 c).
        en(
            "therapeutic",
            "clear",
            "!radiation-induced telangiectasia {over the chest wall after radiotherapy for breast cancer|on the reconstructed breast after breast cancer RT|on the neck after RT for head and neck cancer} <n:2-8> years ago",
            "{visible red vessels|spreading telangiectasias} {in the radiation field|across the treated skin}",
            "<proc> x<n:3-5> {requested|planned}",
        ),
        # Persistent redness in a healed burn: restoring appearance after burn is therapeutic (§6.1).
        en(
            "therapeutic",
            "clear",
            "!{persistent erythema|red hypertrophic patches} in a {healed scald|healed flame burn|skin-grafted burn} on the {face|neck|hand} from {a kitchen accident|a house fire|a hot-oil splash} <n:6-24> months ago",
            "{itching at night|tightness}[ and redness]",
            "<proc> to {reduce the redness|restore a more normal appearance}",
        ),
        en(
            "therapeutic",
            "negation",
            "!{this is not|not} a {beauty treatment|rejuvenation request}: {red marks|telangiectasias} {came from|appeared after} {radiotherapy for breast cancer|radiation for a tumour}",
            "!{dermatology|the radiation oncologist} {confirms|documents} radiation telangiectasia",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!{after my breast cancer radiation|since I had radiation for cancer} I have {red spider-like vessels|red streaks} all over {the treated skin|my chest}",
            "the {oncologist|dermatologist} {suggested|referred me for} <proc>",
            "{will you cover it|can this be covered}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{is <proc> worth it|how much is <proc>|how many sessions of <proc> do I need} {for sun spots|for brown spots on the face|for redness and dull skin|to look younger}{?|}",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how long do results from|how long is the downtime after|what are the side effects of} <proc>{ for skin tone| on the face|}?",
            voice="question",
        ),
        en(
            "therapeutic",
            "clear",
            "!{can|does} <proc> {help|treat|fade} {a port-wine stain birthmark|red vessels after breast cancer radiation|redness in a healed burn scar|a red birthmark on my baby's neck}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{面部|双颊}{肤色暗沉|肤色不均|毛孔粗大、细纹}",
            "!{要求|希望}{提亮肤色|嫩肤|年轻化|皮肤更透亮}",
            "{申请|咨询}<proc><n:3-5>次",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{面部|两颊}{散在晒斑|轻度泛红|色素不均}，{后天出现|近几年出现}",
            "!{无皮肤病|无先天性胎记|无瘙痒灼热|皮肤科检查未见异常}",
            "!{要求|想}<proc>{淡化色斑|改善肤色|美白}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{三甲医院|市人民医院}皮肤科{开单|开具处方}行<proc>，{写明|注明}“{治疗需要|医学需要}”",
            "!{诊断|病历}{仅为|只写}“{皮肤老化|光老化|色素不均}”，{无其他疾病|无不适症状}",
            "<pt>{称|自述}{因显老心情差|很在意皮肤}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{脸有点黄|皮肤暗沉|脸上有点斑}，{没什么皮肤病|也不痒不疼}，想做<proc>{白一点|年轻点}",
            "{能不能用医保|保险能报吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{先天性|出生即有}{颈部|面部|额部}鲜红斑痣",
            "!{于|在}{医美机构|美容门诊}行<proc>，{项目单写“光子嫩肤”|机构按嫩肤项目收费}",
            "{家属|<pt>}{希望|要求}{淡化颜色|改善外观}",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{乳腺癌放疗后胸壁|鼻咽癌放疗后颈部|头颈部肿瘤放疗后放射野|乳腺癌放疗后放射野}皮肤{毛细血管扩张|出现红血丝}",
            "{放疗结束|治疗结束}<n:2-8>年",
            "{拟行|申请}<proc><n:3-5>次",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{烫伤|烧伤|热油烫伤}后{面部|颈部|手背}{创面已愈合|植皮区}{持续发红|遗留红斑}",
            "{伴瘙痒|有紧绷感}",
            "{拟行|申请}<proc>{改善红斑|恢复正常外观}",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容嫩肤|为了变美}",
            "!{放疗后|肿瘤放疗后}{照射区|胸壁}{放射性毛细血管扩张|红血丝}，{放疗科|皮肤科}确诊",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{做完乳腺癌放疗|放疗后}{胸口|脖子上}{全是红血丝|一片红红的小血管}",
            "医生{说可以|建议}做<proc>，{这个能报吗|保险管不管}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{多久做一次|一个疗程几次|能维持多久|做完能洗脸吗|会不会让皮肤变薄}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{做|打}<proc>{能美白吗|能去黄气吗|对毛孔粗大有效果吗|祛晒斑管用吗}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{放疗后皮肤红血丝|烧伤后疤痕发红|孩子脖子上的红胎记}{能用|可以做}<proc>{治疗吗|吗}",
            voice="question",
        ),
    ],
)

# In the complication scenarios the claimed procedure (<proc>) is the treatment of the complication and
# the earlier booster is named in <booster>.
COMPLICATION_EN = {
    "booster": ["skin booster injections", "Profhilo", "mesotherapy", "a skin booster session", "hydrating microinjections"],
    "proc": ["incision and drainage", "treatment of a post-injection infection", "abscess drainage and antibiotics",
             "management of injection complications"],
}
OCCLUSION_EN = {**COMPLICATION_EN, "proc": ["hyaluronidase and wound care", "treatment of vascular occlusion"]}
COMPLICATION_ZH = {
    "booster": ["水光针", "水光注射", "美塑疗法", "水光针注射"],
    "proc": ["脓肿切开引流术", "注射后感染治疗", "注射并发症处理", "抗感染及换药治疗"],
}
OCCLUSION_ZH = {**COMPLICATION_ZH, "proc": ["透明质酸酶溶解治疗", "血管栓塞急诊处理", "注射并发症处理"]}

# ◆ (§2 fillers row names 水光针): presumed cosmetic; therapeutic only for complications (§6.9).
SKIN_BOOSTER = procedure(
    key="skin_booster",
    names_en=[
        "skin booster injections",
        "skin boosters",
        "Profhilo",
        "skin booster treatment",
        "hydrating microinjections",
        "injectable skin booster",
    ],
    names_zh=["水光针", "水光注射", "水光针注射", "美塑疗法", "无针水光", "水光补水"],
    presumed_cosmetic=True,
    codeswitch={
        "水光针": ["skin booster", "mesotherapy"],
        "透明质酸酶": ["hyaluronidase"],
        "非结核分枝杆菌": ["NTM", "atypical mycobacteria"],
        "肉芽肿": ["granuloma"],
        "脓肿": ["abscess"],
        "切开引流": ["I&D"],
    },
    scenarios=[
        en(
            "cosmetic",
            "clear",
            "!<proc> {x<n:2-4> sessions|course of <n:2-4> treatments} for {hydration and glow|fine lines|crepey skin|skin quality}",
            "{before|ahead of} {her wedding|a holiday|the summer}",
        ),
        # Bare ◆ name with a dose: cosmetic (§6.10).
        en("cosmetic", "clear", "!<proc>{, full face|, face and neck|, <f:1.0-3.0> mL}"),
        en(
            "cosmetic",
            "keyword_trap",
            "!{physician|doctor} {letter|note} {says|states} <proc> is {medically necessary|needed} because {dry skin makes her anxious|she is distressed by fine lines}",
            "!{no skin disease|nothing abnormal on exam|skin healthy apart from fine lines}",
        ),
        # Redo because the result is disliked, no complication: cosmetic (§6.9).
        en(
            "cosmetic",
            "negation",
            "!{had|received} <proc> {<n:2-6> months ago|last spring}, {no bumps or infection|healed without problems|no nodules or redness}",
            "!{wants|requests} a {repeat|top-up} because {the glow wore off|she liked the result|it didn't last}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {want|am planning} to get <proc> {for my wedding|so my skin looks plumper|for the dewy look}",
            "!{my skin is healthy|I don't have any skin problem}, {it's just for looks|I just want it to look better}",
            "{is it covered|can I claim it}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how long do results of <proc> last|how often should I repeat <proc>|what is the downtime after <proc>}{ on the face|}?",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{is it safe to get|is it worth getting|does it hurt to get} <proc>{ for dry skin| for fine lines| before a wedding|}?",
            voice="question",
        ),
        # Infection after a cosmetic injection: treating the complication is therapeutic (§6.9).
        en(
            "therapeutic",
            "clear",
            "!{painful nodules and abscesses|multiple draining abscesses|red, fluctuant nodules} on the face <n:2-8> weeks after <booster> at {a salon|an unlicensed clinic|a med-spa}",
            "!culture {grew|positive for} {Mycobacterium abscessus|non-tuberculous mycobacteria|Staphylococcus aureus}",
            "{incision and drainage|I&D} and {<n:3-6> months of antibiotics|a long antibiotic course} {required|planned}",
            slots=COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{the original|the} <booster> was {purely cosmetic|a beauty treatment}, {but|however} {the injection sites became infected|nodules formed and ulcerated}",
            "!{now treating|claim is for treatment of} {a facial abscess|granulomatous nodules confirmed on biopsy|post-injection infection}",
            "{steroid injections|drainage and antibiotics} {planned|in progress}",
            slots=COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{skin turned blotchy purple|a patch went white then dusky} {within hours of|the day after} <booster>, {vascular occlusion|impending skin necrosis} diagnosed",
            "!emergency {hyaluronidase|hyaluronidase and warm compresses} given{, followed by wound care|}",
            slots=OCCLUSION_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!I got <proc> at a {salon|beauty place} and {a few weeks later|soon after} {my cheeks got hard painful lumps that leak pus|I got infected bumps all over my face}",
            "{the dermatologist|the hospital} {did a culture|drained them} and I'm on antibiotics for months",
            "{please cover|can you cover} {the treatment|the infection treatment}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{what to do about|how to treat} {infected bumps|pus-filled lumps|hard painful nodules} after <proc>?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{补水|改善干纹|提亮肤色|收缩毛孔}，{共|一个疗程}<n:2-4>次",
            "{求美者|<pt>}{希望|要求}皮肤{水润|有光泽|更嫩}",
        ),
        zh("cosmetic", "clear", "!{全脸|面部}<proc>{<f:1.0-3.0>ml|1次|}"),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{皮肤科|医院}{医生|门诊}{开单|建议}打<proc>，{写有|称}“{治疗}”",
            "!{诊断仅为|病历只写}“{皮肤干燥|细纹}”，{无皮肤病|无其他不适}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{上次|<n:2-6>个月前}打<proc>{恢复良好|无红肿结节|无感染}",
            "!{想|要求}{再打一次|续做疗程}{保持效果|维持光泽}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我想打<proc>{让皮肤水一点|拍婚纱照用|显年轻}，{皮肤没什么毛病|不是看病}",
            "{能报吗|医保能用吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{能维持多久|多久打一次|打完能化妆吗|有副作用吗|疼不疼|一次多少钱}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{干皮|油皮|敏感肌|三十多岁}{适合打<proc>吗|能不能打<proc>|打<proc>有用吗}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{在美容院|在工作室|在医美机构}打<booster>后<n:2-8>周面部{多发红肿结节|反复化脓|脓肿形成}",
            "!{分泌物培养|病原学检查}{示|为}{非结核分枝杆菌|金黄色葡萄球菌}感染",
            "{行切开引流|需切开引流}{及|，}{长期抗感染治疗|口服抗生素<n:3-6>个月}",
            slots=COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!<booster>{本是|原为}美容项目，{但|然而}术后{注射点感染|出现肉芽肿结节并破溃}",
            "!本次{申请|报销}的是{并发症|感染}的治疗费用，{病理示肉芽肿性炎|已行脓肿切开引流}",
            slots=COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!打<booster>后{当天|数小时内}局部皮肤{发白、花斑|青紫}，诊断{血管栓塞|皮肤坏死风险}",
            "!{急诊|紧急}注射透明质酸酶{并换药|及扩血管治疗}",
            slots=OCCLUSION_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{在美容院|在朋友开的店}打了<proc>，{脸上起了好多脓包|长了硬疙瘩还流脓}",
            "{医院|医生}说是{感染了|细菌感染}，要{切开|吃好几个月的药}，{治疗费能报吗|这个能报销吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!打完<proc>{脸上化脓了|起硬结流脓|感染了}{怎么办|怎么治疗|要去哪个科}",
            voice="question",
        ),
    ],
)

# The everyday "spot removal" (祛斑) request, by laser, peel or cream. §6.4: freckles, melasma, sun and
# age spots are acquired pigment (COSMETIC, even when a hospital diagnoses melasma); nevus of Ota and
# other birthmarks are congenital (THERAPEUTIC); §6.1: dark skin left by a burn is THERAPEUTIC.
SPOT_REMOVAL = procedure(
    key="spot_removal",
    names_en=["spot removal", "pigmentation removal", "dark spot removal", "pigment-fading treatment",
              "spot-lightening treatment"],
    names_zh=["祛斑", "祛斑治疗", "淡斑治疗", "色斑去除", "激光祛斑", "祛斑疗程"],
    codeswitch={
        "黄褐斑": ["melasma"],
        "雀斑": ["freckles", "ephelides"],
        "太田痣": ["nevus of Ota"],
        "咖啡斑": ["café-au-lait macule", "CALM"],
        "氨甲环酸": ["tranexamic acid", "TXA"],
        "老年斑": ["solar lentigo", "age spots"],
    },
    scenarios=[
        en(
            "cosmetic",
            "clear",
            "!{freckles on the nose and cheeks|sun spots on the cheeks|age spots on the backs of the hands|melasma patches on the cheeks and forehead}",
            "!{wants|requests} <proc> {for an even complexion|to look younger|so she can go without foundation}",
            "{<n:2-5> sessions|a package} {quoted|booked}",
        ),
        # Melasma confirmed by a dermatologist, treated for months: still acquired pigment (§6.4).
        en(
            "cosmetic",
            "keyword_trap",
            "!{melasma|epidermal melasma} {diagnosed|confirmed} by {hospital dermatology|a dermatologist}, {tranexamic acid|hydroquinone cream} for <n:3-9> months",
            "!{she says it ruins her confidence|letter calls <proc> medically necessary|the note says treatment is needed}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{acquired|adult-onset} {brown spots|freckling|sun spots}, {no change in years|stable}, {benign on dermoscopy|no itching or bleeding}",
            "!{wants them faded|requests <proc> for clearer skin|hopes to look fresher}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {have|got} {freckles|melasma|brown sun spots} on my face and {I hate them|they make me look older}",
            "!{no medical problem|they don't hurt or itch}, I just want {clear skin|them gone}",
            "{will insurance pay for|can I claim} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{do freckles come back after|how many sessions of|is} <proc>{ worth it for melasma| for age spots|}?",
            voice="question",
        ),
        en(
            "therapeutic",
            "clear",
            "!{nevus of Ota|congenital café-au-lait macule|congenital nevus spilus} {on the cheek|around the eye|on the temple} {since birth|noted in infancy}",
            "{blue-grey|brown} patch {about <n:3-8> cm|involving the eyelid}",
            "<proc> {series|sessions} {planned|requested}",
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{booked as|sold as} a {spot-removal package|beauty 'pigment' course} at {a salon|a med-spa}",
            "!{the lesion is|diagnosis:} nevus of Ota {present since childhood|with scleral pigment}",
            "<proc>",
        ),
        # Dark skin left by a burn: restoring appearance after a burn (§6.1).
        en(
            "therapeutic",
            "negation",
            "!{not freckles or melasma|not an age-spot request}: {hyperpigmentation|dark patch} {in a healed burn|left by a scald} on the {face|neck} {after a kitchen accident|after a fire}",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!my {daughter has had a blue-grey patch around her eye since she was a baby|son was born with a big brown birthmark on his cheek|baby was born with a blue-grey patch on the temple}",
            "the dermatologist {says it's nevus of Ota|called it a congenital birthmark} and {recommends|wants to start} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{can nevus of Ota be removed in a child|how many laser sessions does nevus of Ota need|does a café-au-lait birthmark fade with laser}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{面部雀斑|双颊黄褐斑|面部晒斑|手背老年斑}",
            "!{要求|希望}<proc>{肤色均匀|显年轻|素颜好看}",
            "{疗程<n:2-5>次|购买套餐}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{三甲医院|医院}皮肤科{确诊|诊断}黄褐斑，{口服氨甲环酸|外用氢醌}<n:3-9>个月",
            "!{<pt>称很焦虑|病历写“治疗需要”|医生开单行<proc>}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{后天|成年后}{色斑|雀斑|晒斑}，{多年无变化|稳定}，{皮肤镜未见异常|无瘙痒出血}",
            "!{想|要求}<proc>{皮肤干净|淡化斑点}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我脸上{雀斑|黄褐斑|斑}{挺多的|越来越明显}，{不痛不痒|没什么不舒服}",
            "!就是想{去掉|淡化}，<proc>{能报吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{雀斑|黄褐斑|晒斑|老年斑}{激光后会反黑吗|一个疗程要几次|做完多久能晒太阳|用什么淡化比较好}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{祛斑霜|淡斑精华|<proc>}{有没有副作用|多少钱|能维持多久}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{太田痣|先天性咖啡斑|先天性斑痣}，{出生即有|自幼出现}，位于{颧部|眼周|颞部}",
            "{蓝灰色|褐色}斑片{约<n:3-8>cm|累及眼睑}",
            "{拟行|申请}<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{美容院|医美机构}按{祛斑套餐|淡斑项目}{收费|治疗}",
            "!{诊断|皮肤科诊断}为太田痣，{自幼存在|伴巩膜色素}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{普通祛斑|雀斑黄褐斑}",
            "!{烫伤|烧伤}后{面部|颈部}{遗留色素沉着|色素加深}，{创面已愈合|伤后<n:6-24>个月}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{女儿|儿子|孩子}{从小|生下来}{眼睛周围|脸上}就有{一块青色的斑|一大块咖啡色胎记}，医生说是{太田痣|先天的}",
            "{建议|要}做<proc>，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{太田痣|孩子脸上的咖啡斑|先天的青斑}{要做几次激光|几岁治疗好|能完全去掉吗}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    PHOTOREJUVENATION,
    SKIN_BOOSTER,
    SPOT_REMOVAL,
]
