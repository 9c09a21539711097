"""Decorating the skin: cosmetic tattooing (permanent makeup, body tattoos) and piercing.

Guide rules applied here:
- §1: decorating normal skin (brows, lips, eyeliner, body art, a new piercing) changes only how it
  looks: COSMETIC; so do normal aftercare and the risks of getting one.
- §6.9: a complication of an earlier cosmetic procedure (an infected piercing, an allergic or
  granulomatous tattoo reaction) is THERAPEUTIC to treat; a redo because the result is disliked is
  COSMETIC.
- §1 and the post-mastectomy rule: nipple-areola tattooing that completes a breast reconstruction is
  THERAPEUTIC; §6.1: rebuilding a brow or lip line lost to a burn, an injury or a cleft is THERAPEUTIC.
- §2 scar row: a keloid that grows and itches or hurts is an impairing keloid (THERAPEUTIC); §6.1: an
  earlobe torn in an accident is an injury (THERAPEUTIC).
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

# The claimed procedure is the treatment of the complication, not the tattoo or piercing itself.
TATTOO_COMPLICATION_EN = {
    "proc": ["treatment of a tattoo reaction", "excision of tattoo granulomas", "management of an infected tattoo",
             "intralesional steroid and antibiotics"],
}
TATTOO_COMPLICATION_ZH = {"proc": ["纹绣并发症处理", "纹眉后感染治疗", "纹身过敏治疗", "肉芽肿切除术"]}
AREOLA_EN = {"proc": ["nipple-areola tattooing", "3D areola tattoo", "medical tattooing of the areola"]}
AREOLA_ZH = {"proc": ["乳头乳晕文饰", "乳晕纹绣重建", "乳头乳晕3D文饰"]}
PIERCING_COMPLICATION_EN = {
    "proc": ["incision and drainage", "treatment of an infected piercing", "removal of an embedded earring",
             "antibiotic treatment of perichondritis"],
}
PIERCING_COMPLICATION_ZH = {"proc": ["穿孔感染清创术", "切开引流术", "穿孔感染治疗", "抗感染及换药治疗"]}
EMBEDDED_ZH = {"proc": ["嵌入耳钉取出术", "耳钉取出及清创术"]}
TORN_LOBE_EN = {"proc": ["earlobe repair", "torn earlobe repair", "repair of a split earlobe"]}
TORN_LOBE_ZH = {"proc": ["耳垂修复术", "耳垂裂伤缝合术", "耳垂撕裂修复术"]}
KELOID_EN = {"proc": ["earlobe keloid excision", "keloid excision", "excision of a piercing keloid"]}
KELOID_ZH = {"proc": ["耳垂瘢痕疙瘩切除术", "瘢痕疙瘩切除术", "耳部瘢痕疙瘩切除术"]}
FEMALE_EN = {"pt": ["the patient", "pt", "the member", "the claimant", "Ms. {Chen|Lopez|Okafor|Walsh|Nakamura|Patel}"]}

COSMETIC_TATTOOING = procedure(
    key="cosmetic_tattooing",
    names_en=["permanent makeup", "cosmetic tattooing", "semi-permanent makeup", "micropigmentation",
              "PMU tattooing"],
    names_zh=["纹绣", "半永久化妆", "半永久纹绣", "纹绣美容", "定妆纹绣"],
    codeswitch={
        "纹眉": ["microblading", "brow tattoo"],
        "纹绣": ["permanent makeup", "PMU"],
        "半永久": ["semi-permanent", "PMU"],
        "乳晕": ["areola", "NAC"],
        "肉芽肿": ["granuloma"],
        "乳房再造": ["breast reconstruction"],
    },
    scenarios=[
        # Decorating normal brows, lips or eyelids: cosmetic (§1).
        en(
            "cosmetic",
            "clear",
            "!<proc> {of the brows to fill in sparse brows|of the brows for a fuller look|of the lips to define the lip line|(eyeliner) so she can skip daily makeup}",
            "!{brows and skin normal|no hair loss condition|no scarring}",
            "{booked at|done by} {a brow studio|a beauty salon|a PMU artist}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{healed normally|no swelling, infection or allergy|skin fine after the first week}",
            "!{wants|requests} a {touch-up|redo|colour correction} of <proc> because {the colour faded|she dislikes the shape|the arch looks uneven}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{GP|doctor} {letter|note} {says|states} <proc> is {medically necessary|needed for her confidence} because {her brows are thin|she feels plain without makeup}",
            "!{no alopecia, burn or scar|brows naturally sparse, no disease}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {want to get|got} <proc> {on my brows so I don't have to draw them every morning|on my lips because they look pale|as eyeliner for a more defined look}",
            "!{nothing medical|it's not for any condition}, {just for looks|I just like how it looks}",
            "{can I claim it|is it covered}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how long does|does} {<proc>|microblading|a lip blush tattoo} {last|fade|hurt|need a touch-up after a year}?",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{can I wash my face after|is swelling normal after|what should I avoid after} <proc>{ the first week|}?",
            voice="question",
        ),
        # Completing a post-mastectomy reconstruction: therapeutic (§1 post-mastectomy rule).
        en(
            "therapeutic",
            "clear",
            "!{final stage of|completing} breast reconstruction after {mastectomy for breast cancer|a BRCA risk-reducing mastectomy}",
            "!{nipple-areola complex|the areola} {recreated by tattoo|to be tattooed} {on the reconstructed breast|to match the other side}",
            "<proc> {planned|requested}",
            slots=AREOLA_EN,
        ),
        # Brow or lip line lost to burn, injury or cleft: restoring appearance after the event (§6.1).
        en(
            "therapeutic",
            "clear",
            "!{eyebrow lost after a facial burn|brow hair destroyed by a scar from a car accident|part of the brow lost to a dog bite|irregular lip border after cleft lip repair}",
            "{photos show the gap|scar tissue is stable|healed for over a year}",
            "<proc> to {restore a normal appearance|rebuild what the injury changed|restore symmetry}",
        ),
        # Complication of a cosmetic tattoo: therapeutic (§6.9).
        en(
            "therapeutic",
            "keyword_trap",
            "!{brow|lip|eyeliner} tattoo {done at a beauty salon|from a cosmetic studio} {became red, swollen and crusted|developed hard itchy nodules|turned into a weeping rash}",
            "!{biopsy shows|confirmed as} {a granulomatous reaction to the pigment|allergic contact dermatitis to red ink|a bacterial infection}",
            "{failed|despite} {topical steroids|oral antibiotics} for <n:2-8> weeks",
            slots=TATTOO_COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a touch-up|not for appearance}: the {lip|brow} tattoo site has {recurrent swelling and pus|a spreading infection|persistent allergic inflammation}",
            "!{culture positive|biopsy confirmed|documented by dermatology}",
            "<proc> {requested|needed}",
            slots=TATTOO_COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!I had {breast cancer|a mastectomy} and {my reconstruction|the rebuilt breast} {has no nipple|is finished except the nipple}",
            "the {plastic surgeon|nurse} {does|referred me for} the areola tattoo as the last step",
            "{please cover it|is it covered}",
            voice="patient",
            slots=AREOLA_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{what to do if|how to treat} {a brow tattoo that got infected|an allergic reaction to a lip tattoo|pus and swelling after microblading}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{眉毛稀疏，想做纹眉|眉形不满意，要求雾眉|唇色偏淡，想做纹唇|想省去每天化妆，要求<proc>|眼睛不够有神，想做美瞳线}",
            "!{无脱发性疾病|无外伤及瘢痕|皮肤正常}",
            "{在|于}{美容院|纹绣工作室}{做|预约}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{上次|<n:1-3>年前}{纹眉|纹唇|做美瞳线|<proc>}{恢复正常|无红肿感染|无过敏}",
            "!{因|觉得}{颜色变淡|眉形不好看|不对称}{要求补色|想重做}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{医生|门诊}{开具证明|写了}“{需要|建议}<proc>”，{称|因}{眉毛稀疏影响自信|素颜显得没精神}",
            "!{无脱发病|无外伤|无瘢痕}，{眉毛为天生偏淡|属正常}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我想{做<proc>|纹眉|纹唇}，{每天化妆太麻烦|想显得有精神|觉得这样好看}",
            "{就是为了好看|不是看病}，{能报吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{<proc>|纹眉|纹唇|美瞳线}{能保持多久|疼不疼|多久补色|做完几天能沾水|会不会掉色}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{刚做完|做完}{<proc>|纹眉|纹唇|雾眉}{肿了正常吗|能化妆吗|要注意什么|结痂能抠吗}",
            voice="question",
        ),
        # Getting a decorative body tattoo: cosmetic (§1).
        zh(
            "cosmetic",
            "clear",
            "!{纹身|纹个小图案|手臂纹身|脚踝纹身}{疼不疼|一般多少钱|多久能碰水|会不会褪色}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{乳腺癌|乳腺癌根治}{术后|乳房切除后}{乳房再造|乳房重建}{完成|最后一期}",
            "!{再造乳房|重建侧}{无乳头乳晕|需行乳头乳晕重建}",
            "{拟行|申请}<proc>",
            slots=AREOLA_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{面部烧伤后眉毛缺失|车祸外伤后眉部瘢痕无毛|狗咬伤后部分眉毛缺失|唇裂修复术后唇红缘不齐}",
            "{拟行|申请}<proc>{恢复正常外观|重建缺损|恢复对称}",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{于美容院|在纹绣店}{纹眉|纹唇|纹眼线}后{局部红肿渗液|出现硬结瘙痒|反复化脓}",
            "!{病理|活检|分泌物培养}{示|提示}{肉芽肿性炎|色料过敏反应|细菌感染}",
            "{外用激素|口服抗生素}<n:2-8>周{无效|效果差}",
            slots=TATTOO_COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{补色|重做|美容需要}",
            "!{纹唇|纹眉}部位{反复红肿流脓|感染扩散|过敏性炎症持续}，{皮肤科确诊|培养阳性}",
            "{申请|需行}<proc>",
            slots=TATTOO_COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{乳腺癌做了切除|得乳腺癌切了乳房}，{重建的乳房没有乳头|再造做完了就差乳头}",
            "医生说最后一步{纹乳晕|做乳晕文饰}，{能报吗|这个算治疗吧}",
            voice="patient",
            slots=AREOLA_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{纹眉|纹唇|纹身}{后感染化脓|后红肿渗液|处长硬结}{该看哪个科|怎么治|要去医院吗}",
            voice="question",
        ),
    ],
)

BODY_PIERCING = procedure(
    key="body_piercing",
    names_en=["ear piercing", "body piercing", "earlobe piercing", "cartilage piercing", "nose piercing",
              "navel piercing"],
    names_zh=["打耳洞", "穿耳洞", "耳骨穿孔", "穿鼻环", "肚脐穿环", "打耳骨钉"],
    codeswitch={
        "耳洞": ["ear piercing"],
        "瘢痕疙瘩": ["keloid"],
        "软骨膜炎": ["perichondritis"],
        "耳垂": ["earlobe"],
        "脓肿": ["abscess"],
        "切开引流": ["I&D"],
    },
    scenarios=[
        # A new piercing is decoration: cosmetic (§1).
        en(
            "cosmetic",
            "clear",
            "!{first|a second|a new} <proc> {for earrings|as a birthday gift|to match her friends|for a new look}",
            "{done at|booked with} {a jewellery store|a piercing studio|the mall kiosk}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{healing normally|mild tenderness only, no pus or spreading redness|no signs of infection}",
            "!{asks|wants to know} {about aftercare for the new <proc>|when she can change the stud after <proc>|how to clean the new piercing}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{nurse|doctor} {performed|did} the <proc> {in a clinic|at the GP surgery} and {wrote|billed} it as a {procedure|medical service}",
            "!{purely for earrings|for jewellery}, {no medical indication|ears normal}",
        ),
        en(
            "cosmetic",
            "clear",
            "!I {got|want to get} {my ears pierced|my nose pierced|a cartilage piercing|a navel piercing} {for my birthday|because I like the look|to wear jewellery}",
            "!{nothing's wrong|no infection or anything}, {I just wanted to know|just asking} if {it's covered|I can claim it}",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{does <proc> hurt|how much does <proc> cost|how long does <proc> take to heal|how do I clean a new <proc>}?",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{is it safe to get|what age is ok for|where is the best place to get} <proc>{ at a mall| for a kid|}?",
            voice="question",
        ),
        # Infected piercing: treating a complication of a cosmetic procedure (§6.9).
        en(
            "therapeutic",
            "clear",
            "!{infected cartilage piercing with perichondritis|abscessed navel piercing with pus|infected nose piercing with spreading redness|upper-ear piercing abscess with fever and swelling}",
            "!{culture grew Pseudomonas|culture grew Staph aureus|treated for cellulitis|perichondritis confirmed}",
            "{needs|required} {drainage|IV antibiotics} {and stud removal|}",
            slots=PIERCING_COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!the piercing was {purely cosmetic|done for fashion}, {but|however} the {earring back|stud} {became embedded in the lobe|sank into swollen infected tissue}",
            "!{now|claim is for} {surgical removal and wound care|drainage of the abscess}",
            slots=PIERCING_COMPLICATION_EN,
        ),
        # Keloid that grows and itches after a piercing: impairing keloid (§2 scar row, §6.9).
        en(
            "therapeutic",
            "clear",
            "!{earlobe|helix} keloid {after ear piercing|at a piercing site} {growing for <n:1-4> years|now <n:1-3> cm}",
            "!{itchy and painful|painful and recurrent after steroid shots|ulcerating}",
            "<proc> with {steroid injections|radiotherapy|pressure earrings} afterwards",
            slots=KELOID_EN,
        ),
        # Earlobe torn in an accident: injury (§6.1).
        en(
            "therapeutic",
            "negation",
            "!{not|this is not} a cosmetic {gauge closure|earlobe reduction}: the earlobe was {torn through|split} {when an earring caught on clothing|in a fall|when a child pulled the earring}",
            "!{bleeding laceration|fresh full-thickness tear} {<n:1-10> days ago|this week}",
            "<proc>",
            slots=TORN_LOBE_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!my {ear|cartilage} piercing {got infected|swelled up with pus} and {the top of my ear is red and hot|I got a fever}",
            "{urgent care|the ER} {drained it|put me on antibiotics}",
            "{can you cover|please pay for} the treatment",
            voice="patient",
            slots=PIERCING_COMPLICATION_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{what do I do about|how do you treat} {an infected ear piercing with pus|a keloid on my earlobe from a piercing|a swollen cartilage piercing that hurts}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{想|打算}<proc>{戴耳环|好看|赶时髦}",
            "{在|于}{饰品店|穿孔店|美容院}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!<proc>{后恢复正常|后无红肿流脓|几天了没有发炎}",
            "!{咨询|想问}{护理方法|什么时候能换耳钉|怎么清洗}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{在医院|在诊所}{做的|打的}<proc>，{开了|写了}“手术费”",
            "!{只是为了戴首饰|纯为美观}，{无任何疾病|耳部正常}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我{去|想去}<proc>，{就是喜欢|想戴首饰|觉得好看}，{也没发炎|没啥问题}",
            "{这个能报吗|保险管吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{疼不疼|多少钱|几天能好|后多久能换饰品|要注意什么}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{几岁可以|夏天能不能|生理期能不能}<proc>",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{刚打的耳洞|新打的耳骨钉|新穿的耳洞}{需要每天消毒吗|用什么清洗|多久能摘耳钉|红一点正常吗}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{耳骨穿孔处感染化脓，考虑耳廓软骨膜炎|肚脐穿环处红肿流脓，考虑局部脓肿|鼻翼穿孔处红肿热痛伴发热，考虑蜂窝织炎|耳廓穿孔处脓肿形成}",
            "{需|已}{切开引流|静脉抗生素}",
            slots=PIERCING_COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{打耳洞|穿孔}本为{美容|装饰}，{但|然而}{耳钉嵌入耳垂|耳堵陷入红肿组织内}",
            "!{需|申请}{手术取出|取出并清创}",
            slots=EMBEDDED_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{打耳洞后|耳垂穿孔后}{耳垂|耳轮}瘢痕疙瘩，{逐年增大|约<n:1-3>cm}",
            "!{瘙痒疼痛|注射激素后复发|表面破溃}",
            "{拟行|申请}<proc>{，术后放疗|，术后加压|}",
            slots=KELOID_ZH,
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容修耳垂|扩耳洞闭合}",
            "!{耳环被衣服挂住|摔倒时|被孩子拉扯}{致耳垂撕裂|耳垂全层裂开}，{伤后<n:1-10>天|新鲜裂伤}",
            "<proc>",
            slots=TORN_LOBE_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{耳洞|耳骨钉}{发炎了|化脓了}，{整个耳朵又红又肿|还发烧}",
            "医院{给切开了|让输液}，{这个能报吗|治疗费能报销吗}",
            voice="patient",
            slots=PIERCING_COMPLICATION_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{耳洞发炎流脓|耳洞长了个疙瘩越来越大|耳骨钉红肿化脓}{怎么办|怎么处理|要去医院吗}",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    COSMETIC_TATTOOING,
    BODY_PIERCING,
]
