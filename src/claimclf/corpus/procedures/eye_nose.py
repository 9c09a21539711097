"""Eye and nose conditions with a purely therapeutic procedure: strabismus, trichiasis, nasal polyps.

The guide gives these procedures one label: they treat a disease or an anomaly (§1 a and c), and a
wish to look normal is an incidental benefit (§1). Their cosmetic rows are keyword traps from the
neighbouring cosmetic procedures the guide settles: a normal eye or nose reshaped for looks (double
eyelid and 开眼角 on a normal variant, §2 double-eyelid row; rhinoplasty without a functional problem,
§2 rhinoplasty row), or a cosmetic operation billed under the therapeutic name.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

CHILD_EN = {"pt": ["the child", "the boy", "the girl", "this child", "our patient"], "age": ["2", "3", "4", "5", "6", "7"]}
CHILD_ZH = {"pt": ["患儿", "该患儿", "被保险人（患儿）"], "age": ["2", "3", "4", "5", "6", "7"]}

STRABISMUS = procedure(
    key="strabismus_surgery",
    names_en=["strabismus surgery", "eye muscle surgery", "bilateral medial rectus recession",
              "recess-resect procedure", "strabismus correction", "adjustable-suture strabismus surgery"],
    names_zh=["斜视矫正术", "斜视手术", "眼外肌手术", "内直肌后徙术", "外直肌后徙术", "斜视矫正"],
    codeswitch={
        "内斜视": ["esotropia", "ET"],
        "外斜视": ["exotropia", "XT"],
        "复视": ["diplopia"],
        "弱视": ["amblyopia"],
        "三棱镜度": ["PD", "prism diopters"],
        "内眦赘皮": ["epicanthal folds"],
    },
    scenarios=[
        # Constant childhood esotropia with amblyopia risk: treating an anomaly (§1 a, c; amblyopia cue).
        en(
            "therapeutic",
            "threshold",
            "!{constant|infantile|accommodative-resistant} esotropia of <n:25-50> PD at near and distance",
            "!{amblyopia treated with patching|no measurable stereopsis|loss of binocular vision}",
            "{glasses for <n:6-18> months did not straighten the eyes|full hyperopic correction worn}",
            "<proc> {planned|requested}",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{sixth nerve palsy|fourth nerve palsy|restrictive strabismus from thyroid eye disease} with {constant diplopia|double vision in primary gaze|a compensatory head turn}",
            "!{stable for|unchanged over} <n:6-12> months, {prism glasses not tolerated|Fresnel prisms failed}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "threshold",
            "!intermittent exotropia <n:20-40> PD, {control deteriorating|drifting more than half the day|closes one eye in bright light}",
            "!{Newcastle control score <n:5-9>|eye turns out when tired or daydreaming|documented over <n:3-6> visits}",
            "<proc>",
        ),
        # Adult with lifelong strabismus who wants to look normal: still an anomaly treated (§1 c).
        en(
            "therapeutic",
            "keyword_trap",
            "!{long-standing|childhood} {exotropia|esotropia} of <n:25-45> PD {since early childhood|never corrected}",
            "!{no diplopia; she wants to look people in the eye|patient says it is for appearance and eye contact at work|he hopes to look normal in photos}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a cosmetic eye procedure|this is not for looks}: {measured deviation of <n:20-40> PD|constant misalignment} with {diplopia|no binocular vision}",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!my {son's eye turns in all the time|daughter's eye drifts out when she's tired|child's eye turns in every day} and the eye doctor {measured it|says it's strabismus}",
            "{patching and glasses didn't fix it|the glasses didn't straighten it}",
            "{they want to do|she needs} <proc>, {is it covered|please approve}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{can adults still have <proc>|how long is recovery after <proc>|is lazy eye with a turned eye fixable in kids|does strabismus come back after surgery}?",
            voice="question",
        ),
        # Pseudostrabismus: normal alignment, appearance only (§1; normal variant like the monolid).
        en(
            "cosmetic",
            "threshold",
            "!cover test {orthotropic|0 PD}{ at near and distance|}, {full stereopsis|normal binocular vision}",
            "!{eyes look crossed|appearance of crossing} {only because of|due to} {a broad nasal bridge and epicanthal folds|wide epicanthal folds}; {parents want|family requests} <proc> {for photos|so the eyes look straight}",
            slots=CHILD_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{billed as|coded as} <proc>, {but|however} the operation was {an epicanthoplasty|a medial canthoplasty|a double-eyelid and canthus procedure} {to make the eyes look wider|for bigger-looking eyes}",
            "!{no strabismus on cover test|eyes straight, no diplopia}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no strabismus|no deviation on cover test}, {no diplopia|no double vision}, {full fields|normal vision}",
            "!{wants|requests} {eye surgery|<proc>} so {the eyes look more open|her eyes look bigger in photos|the inner corners look less hooded}",
        ),
        en(
            "cosmetic",
            "clear",
            "!the {eye doctor|ophthalmologist} says my {eyes are straight|son's eyes are perfectly aligned} but {they look a bit crossed in photos|people say they look close-set}",
            "!I still want {the surgery|<proc>} {so they look better|to change how they look}",
            "{will insurance pay|is it covered}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!{恒定性|先天性|婴幼儿型}内斜视，{看近看远|角膜映光及三棱镜}<n:25-50>△",
            "!{伴弱视，已行遮盖治疗|无立体视|双眼视功能丧失}",
            "{戴镜<n:6-18>个月眼位未改善|配戴足矫眼镜无效}",
            "{拟行|申请}<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{外展神经麻痹|滑车神经麻痹|甲状腺相关眼病限制性斜视}，{持续复视|第一眼位复视|代偿头位}",
            "!{病情稳定|观察}<n:6-12>个月，{三棱镜矫正无效|压贴三棱镜不能耐受}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "threshold",
            "!间歇性外斜视<n:20-40>△，{控制力下降|一天中一半以上时间眼位偏斜|强光下闭一眼}",
            "!{多次复查|随访<n:3-6>次}{斜视度增加|控制评分变差}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{自幼|从小}{外斜视|内斜视}<n:25-45>△，{一直未矫正|未治疗}",
            "!{无复视，主要想改善外观|<pt>自述为了和人对视时不尴尬|希望拍照时眼睛是正的}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容手术|为了变美}",
            "!{斜视度<n:20-40>△|眼位明显偏斜}，{伴复视|无双眼视功能}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{孩子|女儿|儿子}{一只眼往里斜|眼睛老往外飘}，{医院查了是斜视|医生测了斜视度}",
            "{戴眼镜和遮眼都没用|还有点弱视}，医生说要做<proc>，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{成年人|孩子|大人}{斜视|内斜|外斜}{还能矫正吗|做手术要住院几天|手术后会复发吗|几岁做手术最好}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "threshold",
            "!{遮盖试验|三棱镜检查}{眼位正|0△}，{立体视正常|双眼视功能正常}",
            "!{因|由于}{鼻梁低平、内眦赘皮|内眦赘皮明显}{看起来像内斜|显得对眼}，{家长|<pt>家属}{要求|希望}<proc>{让眼睛看起来正|改善外观}",
            slots=CHILD_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!以“<proc>”名义申请报销，{实际|但实际}行{开内眼角|内眦开大术|双眼皮加开眼角}{让眼睛变大|改善眼型}",
            "!{眼位正|无斜视|无复视}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无斜视|眼位正常}，{无复视|视力正常}",
            "!{要求|希望}{做眼部手术|<proc>}{让眼睛看起来更大|改善眼型|眼距看起来更近}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!医生说我{眼睛是正的|没有斜视}，{就是拍照看着有点对眼|眼距看着宽}",
            "!{还是想|就想}做个手术{好看点|改善一下}，{能报吗|保险管吗}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{how much does|how long is recovery after} {inner corner|epicanthoplasty|canthoplasty} surgery {to make my eyes look bigger|for wider-looking eyes}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{开眼角|内眦开大}{多少钱|能让眼睛变大吗|恢复要多久}",
            voice="question",
        ),
    ],
)

TRICHIASIS = procedure(
    key="trichiasis_repair",
    names_en=["trichiasis repair", "epiblepharon repair", "entropion repair", "electrolysis of aberrant lashes",
              "lash follicle ablation", "lower lid epiblepharon correction"],
    names_zh=["倒睫矫正术", "睑内翻矫正术", "倒睫电解术", "下睑赘皮矫正术", "倒睫手术", "睫毛毛囊电解术"],
    codeswitch={
        "倒睫": ["trichiasis"],
        "睑内翻": ["entropion"],
        "角膜上皮": ["corneal epithelium"],
        "荧光素染色": ["fluorescein staining"],
        "人工泪液": ["artificial tears"],
        "沙眼": ["trachoma"],
    },
    scenarios=[
        # Lashes abrading the cornea: treated disease (§1 a).
        en(
            "therapeutic",
            "clear",
            "!{lower lid epiblepharon|congenital epiblepharon} with lashes {rubbing the cornea|touching the cornea in downgaze}",
            "!{inferior punctate keratitis on fluorescein|corneal staining}, {tearing and photophobia|eye rubbing and redness}",
            "{lubricants for <n:3-12> months without relief|failed conservative care}",
            "<proc>",
            slots=CHILD_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{trichiasis|misdirected lashes} {from chronic blepharitis|after trachoma scarring|after a chemical burn} abrading the cornea",
            "!{recurred after <n:2-5> epilations|regrows within weeks after plucking}, {foreign-body sensation|corneal erosion}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!{involutional|cicatricial} entropion of the {lower|left lower|right lower} lid with lashes {on the cornea|scratching the eye}",
            "!{corneal abrasion|keratitis|constant tearing and pain}",
            "<proc> {planned|requested}",
        ),
        # Done at a cosmetic clinic, a crease formed, but corneal damage documented: therapeutic.
        en(
            "therapeutic",
            "keyword_trap",
            "!{surgery at|booked with} {a cosmetic eyelid clinic|an aesthetic surgeon}; the incision {also creates|will also form} a {lid crease|double fold}",
            "!lashes {contact the cornea|touch the cornea} with {punctate staining|epithelial defects} and {tearing|photophobia}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a double-eyelid request|not for appearance}: lashes {rub the cornea|abrade the cornea} with {documented keratitis|fluorescein staining}",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!my {child's|daughter's} lower lashes {poke into her eye|turn inward and scratch the eye} and she {rubs her eyes all the time|tears up constantly}",
            "the eye doctor {found scratches on the cornea|saw damage on the eye surface} and {recommends|wants} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{do ingrown eyelashes in kids need surgery|will ingrown lashes grow back after plucking|how long is recovery after <proc>}?",
            voice="question",
        ),
        # Lashes clear of the cornea, crease wanted for looks: cosmetic (double-eyelid row, monolid variant).
        en(
            "cosmetic",
            "keyword_trap",
            "!{form says|request lists} 'trichiasis', {but|however} {slit lamp shows lashes clear of the cornea|no lash-cornea contact and no staining}",
            "!{parents want|she wants} {a double eyelid|a crease} {so the eyes look bigger|for appearance}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no lash contact with the cornea|lashes point outward, cornea clear}, {no tearing|no redness or irritation}",
            "!{wants|requests} {lashes lifted for a wide-eyed look|a crease created|fuller-looking lashes} {for appearance|for photos}",
            "<proc> {on the request|written on the claim}",
        ),
        en(
            "cosmetic",
            "clear",
            "!my eyes {feel fine|never hurt} and the {doctor|optometrist} says my lashes {don't touch my eyes|are fine}",
            "!I just want {my lashes to curl up|a double eyelid|bigger-looking eyes}",
            "{can it go through insurance as <proc>|is <proc> covered}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{下睑|双下睑}{倒睫|睑缘赘皮}，睫毛{摩擦角膜|触及角膜}",
            "!{荧光素染色示角膜上皮点状着色|角膜上皮损伤}，{流泪畏光|揉眼、眼红}",
            "{人工泪液<n:3-12>个月无效|保守治疗无效}",
            "<proc>",
            slots=CHILD_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{慢性睑缘炎|沙眼瘢痕|化学伤}后倒睫，{擦伤角膜|角膜糜烂}",
            "!{拔除<n:2-5>次后复发|拔后数周又长出}，{异物感明显|眼痛流泪}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{老年性|瘢痕性}睑内翻，{下睑|左下睑|右下睑}睫毛{刺激角膜|倒向眼球}",
            "!{角膜擦伤|角膜炎|持续流泪疼痛}",
            "{拟行|申请}<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{美容整形医院|医美机构}手术，{切口同时形成重睑|术后会有双眼皮}",
            "!{睫毛触及角膜|倒睫摩擦角膜}，{角膜荧光素染色阳性|角膜上皮缺损}，{流泪|畏光}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{为了双眼皮|美容手术}",
            "!倒睫{摩擦角膜|刺伤角膜}，{角膜上皮着色|确诊角膜炎}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{孩子|女儿}{下眼睫毛往里长|睫毛扎眼睛}，{老揉眼睛流眼泪|眼睛总是红}",
            "医院{查出角膜有划伤|说角膜受损了}，{建议做<proc>|要手术}，{能报吗|医保管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{孩子倒睫|倒睫扎眼睛|睫毛倒长}{要不要手术|拔了还会长吗|手术后多久恢复|会影响视力吗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{申请单写|诊断写}“倒睫”，{但|而}{裂隙灯检查睫毛未触及角膜|角膜无着色、无刺激症状}",
            "!{家长|<pt>}{要求|希望}{做双眼皮|让眼睛变大|改善眼型}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{睫毛未触及角膜|角膜透明无着色}，{无流泪|无畏光|无眼红}",
            "!{要求|希望}{让睫毛上翘|做出双眼皮|眼睛显大}{为了好看|}",
            "{申请单写“<proc>”|以<proc>名义申请}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我眼睛{没什么不舒服|不疼不流泪}，医生说睫毛{没扎到眼睛|是正常的}",
            "!就是想{睫毛翘一点|做个双眼皮}，{能按<proc>报吗|能报销吗}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{how long does swelling last after|how much is} a double eyelid {so my eyes look bigger|for a crease like my sister|to look more awake}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{割双眼皮|埋线双眼皮}{能让眼睛变大吗|多少钱|几天消肿}",
            voice="question",
        ),
    ],
)

NASAL_POLYPS = procedure(
    key="nasal_polyps",
    names_en=["endoscopic sinus surgery", "FESS", "nasal polypectomy", "endoscopic polypectomy",
              "functional endoscopic sinus surgery", "polypectomy with ethmoidectomy"],
    names_zh=["鼻息肉切除术", "鼻内镜手术", "功能性鼻内镜鼻窦手术", "鼻内镜下鼻息肉切除术", "鼻窦开放术", "鼻息肉摘除术"],
    codeswitch={
        "鼻息肉": ["nasal polyps", "CRSwNP"],
        "鼻窦炎": ["sinusitis", "CRS"],
        "嗅觉减退": ["hyposmia"],
        "鼻喷激素": ["INCS", "nasal steroid"],
        "鼻内镜": ["nasal endoscopy"],
        "隆鼻": ["rhinoplasty"],
    },
    scenarios=[
        # Polyps with obstruction, smell loss and failed medical therapy: treated disease (§1 a).
        en(
            "therapeutic",
            "clear",
            "!{bilateral|grade <n:2-3>} nasal polyps on endoscopy with {nasal obstruction|mouth breathing at night|loss of smell}",
            "!{failed|persisting after} <n:8-16> weeks of {intranasal steroid|mometasone spray} and {a course of oral prednisone|saline irrigation}",
            "CT {shows|with} {pansinus opacification|Lund-Mackay <n:12-22>}",
            "<proc> {planned|requested}",
        ),
        en(
            "therapeutic",
            "clear",
            "!{chronic rhinosinusitis with nasal polyps|aspirin-exacerbated respiratory disease with recurrent polyps} and {asthma flares|recurrent sinus infections}",
            "!{<n:3-6> courses of antibiotics|repeated steroid bursts} in the past year",
            "<proc>",
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{seen at|treated at} {a facial plastics and aesthetics centre|a private nose clinic that advertises rhinoplasty}",
            "!{large obstructing polyps|polyps filling both nasal cavities} with {anosmia|complete obstruction}, {failed|despite} <n:8-12> weeks of steroid spray",
            "<proc>",
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a nose job|not cosmetic nose surgery}: {endoscopy shows polyps blocking both sides|CT-confirmed polyposis}",
            "!{cannot breathe through the nose|no sense of smell} {despite|after} {steroid spray and oral steroids|<n:2-4> months of medical therapy}",
            "<proc>",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {can't breathe through my nose|lost my sense of smell} and the ENT {found polyps|says both sides are full of polyps}",
            "!the {sprays|steroid spray and pills} {didn't help|haven't worked} after {months|three months}",
            "{they want to do|I need} <proc>",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{do nasal polyps come back after <proc>|can nasal polyps shrink without surgery|how long is recovery from <proc>}?",
            voice="question",
        ),
        # Cosmetic nose surgery billed under a sinus code, no disease: cosmetic (§2 rhinoplasty row).
        en(
            "cosmetic",
            "keyword_trap",
            "!<proc> {submitted|listed} {with|alongside} {a cosmetic rhinoplasty|tip and hump reduction} {so insurance covers the OR|to bill the surgery}",
            "!{endoscopy normal, no polyps|CT sinuses clear}, {no obstruction|no sinus symptoms}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no polyps on endoscopy|nasal cavity clear}, {breathes well|no congestion or smell loss}",
            "!{wants|requests} {her nose narrowed|a smaller tip|the bump removed} {for looks|to look better in profile}",
            "<proc> {on the request|written on the form}",
        ),
        en(
            "cosmetic",
            "clear",
            "!{my breathing is fine|I don't have polyps or sinus problems} but I {want a smaller nose|hate the bump on my nose}",
            "!the clinic {said|suggested} they could {bill|list} it as <proc>",
            "is that covered?",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{双侧|鼻内镜示}鼻息肉{<n:2-3>度|}，{持续鼻塞|夜间张口呼吸|嗅觉减退}",
            "!鼻喷激素{及口服激素|、鼻腔冲洗}<n:8-16>周{无效|症状无改善}",
            "{CT示全组鼻窦炎|鼻窦CT示多窦密度增高}",
            "{拟行|申请}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{慢性鼻窦炎伴鼻息肉|鼻息肉复发}，{合并哮喘|反复鼻窦感染}",
            "!{近一年|一年内}{抗生素治疗<n:3-6>次|多次口服激素}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{整形美容医院耳鼻喉科|一家也做隆鼻的私立医院}就诊",
            "!{鼻息肉堵塞双侧鼻腔|巨大鼻息肉}，{嗅觉丧失|完全鼻塞}，鼻喷激素<n:8-12>周无效",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{隆鼻|鼻整形}",
            "!{鼻内镜见双侧息肉|CT证实鼻息肉}，{鼻塞|嗅觉丧失}{药物治疗后无改善|用药<n:2-4>个月无效}",
            "<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{鼻子一直堵|闻不到味道}，{医院检查|做了鼻内镜}说{两边都是息肉|长了鼻息肉}",
            "!{喷药吃药|用了三个月喷剂}{都没用|不管用}，医生让做<proc>，{能报吗|住院能报销吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!鼻息肉{做完手术还会长吗|不做手术能好吗|手术要住几天院|手术后多久能上班}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!<proc>与{隆鼻|鼻综合整形|缩鼻翼}{一起申请|同期手术}，{想|以便}{走保险|报销手术费}",
            "!{鼻内镜未见息肉|鼻窦CT正常}，{无鼻塞|无症状}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{鼻内镜未见息肉|鼻腔通畅}，{无鼻塞|嗅觉正常}",
            "!{要求|希望}{缩小鼻翼|抬高鼻梁|改善鼻型}，申请单写<proc>",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{鼻子不堵|没有鼻息肉}，就是想{鼻子变小一点|垫个鼻梁}",
            "!机构说可以{按<proc>开单|写成<proc>}，{这样能报吗|保险会赔吗}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{how much is|how long is recovery after} a nose job {for a higher bridge|to make my nose smaller|for a prettier profile}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{垫鼻梁|隆鼻}{多少钱|能维持几年|会不会很假}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    STRABISMUS,
    TRICHIASIS,
    NASAL_POLYPS,
]
