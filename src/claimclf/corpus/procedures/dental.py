"""Teeth: whitening, and restoring teeth broken, decayed or lost.

Guide rules applied here (§2 veneers row, §6.1):
- Restoring teeth damaged by an accident or by disease is THERAPEUTIC, including restoring how they
  look after the injury (§6.1); a benefit exclusion of dentures (义齿) does not change the label.
- Colour, gaps and smile design on sound teeth are COSMETIC, whatever a letter says (§1 step 3).
- A single tooth darkened after trauma and root-canal treatment is a tooth damaged by an accident:
  bleaching it from inside is THERAPEUTIC. Tetracycline staining and fluorosis are not settled by the
  guide and have no scenario here.
"""

from __future__ import annotations

from claimclf.corpus.spec import en, procedure, zh

# Bleaching a single trauma-darkened, root-filled tooth from inside.
INTERNAL_BLEACH_EN = {"proc": ["internal bleaching", "non-vital tooth bleaching", "walking bleach of tooth 11",
                               "internal bleaching of the darkened incisor"]}
INTERNAL_BLEACH_ZH = {"proc": ["死髓牙内漂白", "无髓牙内漂白术", "变色牙内漂白治疗"]}
# Broken or decayed teeth get crowns or fillings; lost teeth get implants or bridges; sound teeth crowns.
BROKEN_EN = {"proc": ["dental crown", "porcelain crown", "root canal and crown", "composite restoration"]}
MISSING_EN = {"proc": ["dental implant", "fixed bridge", "implant crown"]}
SOUND_EN = {"proc": ["porcelain crowns", "zirconia crowns", "all-ceramic crowns", "cosmetic crowns"]}
BROKEN_ZH = {"proc": ["牙冠修复", "烤瓷冠修复", "根管治疗后冠修复", "补牙"]}
MISSING_ZH = {"proc": ["种植牙", "固定桥修复", "种植修复"]}
SOUND_ZH = {"proc": ["全瓷冠", "烤瓷牙", "美容冠修复", "全瓷牙冠"]}

TEETH_WHITENING = procedure(
    key="teeth_whitening",
    names_en=["teeth whitening", "in-office teeth bleaching", "laser teeth whitening", "tooth bleaching",
              "professional whitening trays", "Zoom whitening"],
    names_zh=["牙齿美白", "冷光美白", "牙齿漂白", "激光美白牙齿", "家庭美白牙套", "诊室美白"],
    codeswitch={
        "冷光美白": ["Zoom whitening", "light-activated bleaching"],
        "根管治疗": ["RCT", "root canal"],
        "牙髓坏死": ["pulp necrosis"],
        "内漂白": ["internal bleaching"],
        "外伤": ["trauma"],
    },
    scenarios=[
        # Sound teeth, colour only: cosmetic (§2 veneers row, colour).
        en(
            "cosmetic",
            "clear",
            "!{yellowish|coffee-stained|tea-stained|naturally darker} teeth, {no caries|teeth sound}",
            "!{wants|requests} <proc> {for a brighter smile|before her wedding|for job interviews|to look younger}",
        ),
        en(
            "cosmetic",
            "negation",
            "!{no trauma|no history of injury}, {no decay or sensitivity|periodontium healthy|no fractures}",
            "!<proc> {of both arches|for all front teeth} {for shade B1|to go <n:2-6> shades lighter}",
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{dentist|the dental office} {wrote|states} <proc> is {medically necessary|part of treatment} because {she hides her smile|he is depressed about yellow teeth}",
            "!{healthy dentition|teeth intact, no decay}; {extrinsic stain only|colour is the only complaint}",
        ),
        en(
            "cosmetic",
            "clear",
            "!my teeth {are kind of yellow|look stained from coffee} and I {want a whiter smile|hate them in photos}",
            "!{they don't hurt|no cavities or anything}",
            "{does insurance cover|can I claim} <proc>",
            voice="patient",
        ),
        en(
            "cosmetic",
            "clear",
            "!{does <proc> damage enamel|how long does <proc> last|how much does <proc> cost|does <proc> hurt}?",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{are whitening strips|is <proc>|is charcoal toothpaste} {safe|worth it} for {yellow teeth|a brighter smile|coffee stains}?",
            voice="question",
        ),
        # Tooth darkened after an accident: restoring a tooth damaged by injury (§2 veneers row, §6.1).
        en(
            "therapeutic",
            "clear",
            "!{upper central incisor|tooth 11|tooth 21} {turned grey|darkened} after {a fall|a sports injury|being hit in the mouth} <n:2-6> years ago",
            "!{pulp necrosis|non-vital pulp}, root canal {completed|done}",
            "<proc> {planned|requested} to restore the shade",
            slots=INTERNAL_BLEACH_EN,
        ),
        en(
            "therapeutic",
            "keyword_trap",
            "!{goal is|aim is} {a natural, matching shade|the best aesthetic result} {at|in} {a cosmetic dentistry studio|a smile clinic}",
            "!{single|one} front tooth {discoloured after trauma|grey since a bicycle accident} and root-filled",
            "<proc>",
            slots=INTERNAL_BLEACH_EN,
        ),
        en(
            "therapeutic",
            "negation",
            "!{not whitening for looks|not a cosmetic whitening}: {tooth 11|the left central incisor} {darkened after|went dark following} {a blow to the mouth|a playground fall}",
            "!{pulp necrosis|root canal treated}",
            "<proc>",
            slots=INTERNAL_BLEACH_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{I knocked my front tooth|my front tooth got hit} {playing hockey|in a fall} and {it died and turned grey|after the root canal it went dark}",
            "the dentist {says|wants to do} <proc>",
            "{is it covered|please cover it}",
            voice="patient",
            slots=INTERNAL_BLEACH_EN,
        ),
        en(
            "therapeutic",
            "clear",
            "!{can a front tooth that went grey after an injury be fixed|why did my tooth turn dark after I hit it|can a dead tooth from a fall be whitened|what to do about a front tooth that darkened after trauma}?",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{牙齿偏黄|茶渍烟渍着色|牙色偏暗}，{无龋坏|牙体健康}",
            "!{要求|希望}<proc>{笑起来好看|结婚前变白|显年轻}",
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无外伤史|无龋齿|无牙齿敏感}，{牙周健康|牙体完整}",
            "!{要求|申请}<proc>{提亮<n:2-6>个色阶|全口美白}",
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{口腔医院|诊所}医生{写明|称}<proc>“{治疗需要|医学必要}”，{因|称}{牙黄不敢笑|很自卑}",
            "!{牙体健康|无龋坏、无外伤}，{仅为外源性着色|只是颜色问题}",
        ),
        zh(
            "cosmetic",
            "clear",
            "!我牙{有点黄|不够白}，{想笑得好看点|拍照不好看}，{牙没毛病|也不疼}",
            "!想做<proc>，{能报吗|医保能用吗}",
            voice="patient",
        ),
        zh(
            "cosmetic",
            "clear",
            "!<proc>{伤牙吗|能维持多久|多少钱|做完牙齿会酸吗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{牙黄|牙齿发黄|牙齿有茶渍}{怎么变白|做什么能白回来|用美白牙贴有用吗}",
            voice="question",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{摔伤|运动外伤|被撞}后{上前牙|11牙|21牙}{变灰|发黑}，{牙髓坏死|已根管治疗}",
            "{伤后|已}<n:1-5>年",
            "{拟行|申请}<proc>",
            slots=INTERNAL_BLEACH_ZH,
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{在|于}{口腔美容诊所|牙齿美学中心}{治疗|就诊}，{要求颜色与邻牙一致|注重美观}",
            "!{外伤后|车祸后}{单颗|一颗}前牙{变色|发黑}，{已行根管治疗|牙髓坏死}",
            "<proc>",
            slots=INTERNAL_BLEACH_ZH,
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美白|为了好看}",
            "!{外伤|摔伤}后{门牙|上前牙}{变黑|变色}，{根管治疗后|牙髓已坏死}",
            "<proc>",
            slots=INTERNAL_BLEACH_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{门牙小时候摔过|前牙被撞过}，{后来牙神经坏死|做了根管}，现在{发黑|变灰了}",
            "医生{说要|建议}做<proc>，{能报吗|算治疗吗}",
            voice="patient",
            slots=INTERNAL_BLEACH_ZH,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{门牙摔了以后变黑|牙被撞后慢慢变灰|做完根管的牙变黑}{怎么办|还能恢复吗|要怎么治}",
            voice="question",
        ),
    ],
)

DENTAL_RESTORATION = procedure(
    key="dental_restoration",
    names_en=["dental crown", "porcelain crown", "dental restoration", "composite restoration", "root canal and crown",
              "tooth restoration"],
    names_zh=["牙冠修复", "烤瓷冠修复", "牙齿修复", "补牙", "根管治疗后冠修复", "牙体修复"],
    codeswitch={
        "根管治疗": ["RCT", "root canal"],
        "种植": ["implant"],
        "龋齿": ["caries"],
        "牙髓炎": ["pulpitis"],
        "冠折": ["crown fracture"],
        "全瓷冠": ["zirconia crown", "all-ceramic crown"],
    },
    scenarios=[
        # Tooth broken in an accident: therapeutic (§2 veneers row).
        en(
            "therapeutic",
            "clear",
            "!{tooth 11|the upper left incisor|a lower molar} {fractured|broken} {in a fall|in a car accident|during a football match|in an assault}",
            "!{pulp exposed|pain on biting|sharp edge cutting the lip}",
            "<proc> {planned|requested}",
        ),
        # Tooth lost or destroyed by disease: therapeutic.
        en(
            "therapeutic",
            "clear",
            "!{extensive caries|a cracked cusp|recurrent decay under an old filling} on {tooth 36|tooth 46|a lower molar} with {pulpitis|pain on chewing|a broken wall}",
            "{root canal completed|after root canal treatment}",
            "<proc> to restore {chewing|the tooth}",
        ),
        # A dentures exclusion does not change the label (§2 veneers row).
        en(
            "therapeutic",
            "keyword_trap",
            "!{tooth lost after a fracture in a fall|incisor lost to decay|molar extracted after a failed root canal}; {the plan excludes prosthetics|benefits for dentures are excluded}",
            "!{gap makes chewing difficult|neighbouring teeth drifting|speech affected}",
            "<proc>{ with shade matching for the best look|}",
            slots=MISSING_EN,
        ),
        en(
            "therapeutic",
            "negation",
            "!{not a smile makeover|not cosmetic}: {tooth 21|the front tooth} {was knocked out|broke off at the gumline} {in a bike accident|at work}",
            "<proc> {requested|planned}",
        ),
        en(
            "therapeutic",
            "clear",
            "!I {broke|cracked} my {front tooth|molar} {biting on something hard|in a fall|playing basketball} and {it hurts to chew|the nerve is exposed}",
            "my dentist {says I need|is doing} <proc>",
            "{will you cover it|can I claim this}",
            voice="patient",
        ),
        en(
            "therapeutic",
            "clear",
            "!{how much is a crown for a broken tooth|how long does a crown last after a root canal|how much is an implant for a tooth lost to decay|can a cracked molar be saved with a crown}?",
            voice="question",
        ),
        # Crowns on sound teeth to change colour or shape: cosmetic (§2 veneers row, smile design).
        en(
            "cosmetic",
            "clear",
            "!{smile makeover|smile design} with <n:6-12> {zirconia|all-ceramic} crowns on {sound|healthy} teeth",
            "!{goal is|wants} {whiter, more even teeth|a Hollywood smile|to close small gaps}",
            slots=SOUND_EN,
        ),
        en(
            "cosmetic",
            "negation",
            "!{no decay, no fractures|teeth healthy and unrestored|no trauma, no pain}",
            "!{requests|wants} <proc> {on the front teeth|on six upper teeth} {to change the shape|for a whiter colour|for a more symmetric smile}",
            slots=SOUND_EN,
        ),
        en(
            "cosmetic",
            "keyword_trap",
            "!{dentist|prosthodontist} {letter|note} {says|states} <proc> is {medically necessary|needed} because {she is unhappy with her smile|his teeth look small}",
            "!{teeth sound|no caries or wear}, {occlusion normal|no functional problem}",
            slots=SOUND_EN,
        ),
        en(
            "cosmetic",
            "clear",
            "!I {want|am getting} <proc> on my front teeth {to make them whiter and straighter|for a perfect smile}",
            "!{they're healthy|nothing is wrong with them}, I {just want them to look nicer|don't like the shape}",
            "{is it covered|can I claim it}",
            voice="patient",
            slots=SOUND_EN,
        ),
        zh(
            "therapeutic",
            "clear",
            "!{摔倒|车祸|打球被撞|骑车摔伤}致{上前牙|11牙|下颌磨牙}{冠折|折断}",
            "!{露髓|咬合痛|断端锐利划伤嘴唇}",
            "{拟行|申请}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{36牙|46牙|下颌磨牙}{深龋|龋坏至牙髓|隐裂}，{牙髓炎|咀嚼疼痛|牙体大面积缺损}",
            "{已完成根管治疗|根管治疗后}",
            "{拟行|申请}<proc>{恢复咀嚼|}",
        ),
        zh(
            "therapeutic",
            "keyword_trap",
            "!{外伤后|龋坏拔除后|根管失败拔除后}{缺失一颗前牙|磨牙缺失}，{保单不含义齿|义齿不在报销范围}",
            "!{咀嚼困难|邻牙倾斜|发音漏风}",
            "<proc>{，要求颜色自然美观|}",
            slots=MISSING_ZH,
        ),
        zh(
            "therapeutic",
            "negation",
            "!不是{美容修复|为了好看}",
            "!{骑车摔伤|工作中受伤}致{门牙脱落|前牙齐龈折断}",
            "{申请|拟行}<proc>",
        ),
        zh(
            "therapeutic",
            "clear",
            "!我{牙被虫蛀了|牙裂了|磨牙碎了一块}，{吃东西疼|一咬就痛|神经都露出来了}",
            "医生说{要做根管再戴冠|要做<proc>}，{能报吗|这个保险管吗}",
            voice="patient",
        ),
        zh(
            "therapeutic",
            "clear",
            "!{门牙磕掉一块|蛀牙只剩牙根|牙齿摔断了|磨牙裂了}{做牙冠要多少钱|补牙能补好吗|要怎么修复|还能保住吗}",
            voice="question",
        ),
        zh(
            "cosmetic",
            "clear",
            "!{牙体健康|无龋坏}，{要求|希望}{全瓷冠|<proc>}{改变牙齿颜色|做一口白牙|让牙齿更整齐}",
            "!{无外伤|无疼痛}，{为美观|为了笑容好看}",
            slots=SOUND_ZH,
        ),
        zh(
            "cosmetic",
            "negation",
            "!{无龋齿|无牙体缺损|无外伤史}，{咬合正常|无功能问题}",
            "!{要求|申请}{上前牙|前牙6颗}<proc>{改善形态|变白|关闭小牙缝}",
            slots=SOUND_ZH,
        ),
        zh(
            "cosmetic",
            "keyword_trap",
            "!{口腔医院|诊所}{病历写|医生称}“{需要修复|治疗需要}”，{因|称}{牙齿小、不自信|对笑容不满意}",
            "!{牙体完整|牙齿健康}，{无龋坏|无外伤}，申请<proc>",
            slots=SOUND_ZH,
        ),
        zh(
            "cosmetic",
            "clear",
            "!我牙{挺健康的|没病}，就是{想做一口白牙|觉得不够整齐好看}，想做<proc>",
            "{能报吗|医保管吗}",
            voice="patient",
            slots=SOUND_ZH,
        ),
        zh(
            "cosmetic",
            "clear",
            "!{健康的牙做烤瓷牙|为了好看做全瓷牙|整口牙做美容冠}{值得吗|伤牙吗|能用多少年}",
            voice="question",
        ),
        en(
            "cosmetic",
            "clear",
            "!{how long do|how soon can I eat after I get} {crowns|porcelain crowns|veneers} {on healthy teeth|just for a nicer smile|for a Hollywood smile}?",
            voice="question",
        ),
    ],
)

PROCEDURES = [
    TEETH_WHITENING,
    DENTAL_RESTORATION,
]
