"""The invented articles of the saved-page set: metadata and paragraphs (the gold main text).

Every story is fiction written for this set, in the register of international-affairs news; the
page layouts that wrap them are in ``author_pages.py``. A line starting with "## " is a subheading
inside the article (part of the main text); "> " a quotation block that belongs to the story.
"""
from __future__ import annotations

ARTICLES: dict[str, dict] = {
    "wp_classic": dict(
        title="Qatar steps up mediation as Gaza truce talks resume in Doha",
        date="2025-02-11", author="Leila Haddad", url="https://gulfdispatch.example/2025/02/11/qatar-mediation-doha/",
        paras=[
            "Qatar hosted a new round of indirect talks between Israel and Hamas on Tuesday, officials in Doha said, as mediators pressed both sides to extend a fragile ceasefire in Gaza.",
            "The Qatari prime minister met Israeli negotiators in the morning and Hamas representatives in the afternoon, shuttling proposals between the two delegations in separate rooms of the same hotel.",
            "Egypt, which has co-mediated the talks since last year, sent its intelligence chief to Doha. Cairo urged Israel to allow more aid lorries through the Rafah crossing.",
            "A Hamas official said the group would not release further hostages unless Israel committed to a permanent end to the war. Israeli officials rejected that demand and accused Hamas of stalling.",
            "The United States welcomed the resumption of the talks. A State Department spokesman said Washington was in close contact with Qatar and Egypt and would support any agreement that brought the hostages home.",
            "Diplomats in the Gulf said the next forty-eight hours would show whether either side was willing to move on the sequencing of a second phase.",
        ]),
    "wp_blocks": dict(
        title="Turkey and Iraq sign water-sharing memorandum after years of dispute",
        date="2025-04-22", author="Murat Demir", url="https://anatoliareview.example/turkey-iraq-water-memorandum/",
        paras=[
            "Turkey and Iraq signed a memorandum on sharing the waters of the Tigris and Euphrates in Ankara on Tuesday, ending a dispute that has strained relations for more than a decade.",
            "Under the agreement, Ankara will guarantee a minimum flow of water across the border during the summer months, while Baghdad will modernise irrigation in the south with Turkish companies.",
            "## A long-running quarrel",
            "Iraq has long accused Turkey of reducing the rivers' flow through its dam-building programme in the south-east. Turkish officials say the dams protect Iraq from floods as well as droughts.",
            "The Iraqi water minister called the memorandum a turning point. His Turkish counterpart said both countries would set up a joint committee to monitor the flows each month.",
            "## Oil and security on the table",
            "The two governments also discussed the reopening of the Kirkuk-Ceyhan oil pipeline and cooperation against the PKK, which Ankara has pressed Baghdad to ban.",
            "Iraq has not yet agreed to designate the group, but officials said a security protocol would be signed before the end of the year.",
        ]),
    "drupal_thinktank": dict(
        title="Why the Sahel juntas are turning to Moscow — and what Europe can still do",
        date="2024-11-18", author="Aminata Traoré-Bauer", url="https://policyforum.example/analysis/sahel-juntas-moscow",
        paras=[
            "Three years after the first coup in Bamako, the military governments of Mali, Burkina Faso and Niger have completed their turn away from France and towards Russia.",
            "Their new confederation, the Alliance of Sahel States, formally left the Economic Community of West African States in January, and all three have expelled French troops and suspended French broadcasters.",
            "Russia has filled part of the vacuum. Its paramilitary units, rebranded as the Africa Corps under the defence ministry, now support the Malian army against jihadist groups in the north and centre of the country.",
            "The results on the battlefield are poor. Attacks by groups linked to al-Qaeda and the Islamic State have risen in every year since the juntas took power, and civilian deaths have risen with them.",
            "## What Europe can still do",
            "European governments should not compete with Moscow on security assistance they are no longer welcome to give. They can, however, keep funding humanitarian programmes and support coastal states such as Benin and Togo, where the violence is spreading.",
            "Above all, Brussels should talk to the juntas rather than about them. Isolation has pushed them further towards Russia, while engagement on trade and migration would give them a reason to keep other doors open.",
        ]),
    "arc_newspaper": dict(
        title="Philippines protests 'dangerous' Chinese manoeuvres near Second Thomas Shoal",
        date="2025-03-07", author="Carmela Reyes", url="https://manilaherald.example/world/2025/03/07/philippines-protests-chinese-manoeuvres/",
        paras=[
            "The Philippines lodged a diplomatic protest with China on Friday after a Chinese coast guard vessel fired a water cannon at a Philippine supply boat near the Second Thomas Shoal.",
            "The foreign ministry in Manila said the manoeuvre had endangered the lives of the crew and violated the Philippines' sovereign rights under the 2016 arbitral ruling.",
            "Beijing rejected the protest. A Chinese foreign ministry spokeswoman said the Philippine boat had intruded into Chinese waters and that the coast guard had acted in a professional and restrained manner.",
            "The United States condemned what it called China's escalatory actions and reaffirmed that its mutual defence treaty with the Philippines extends to attacks on Philippine public vessels anywhere in the South China Sea.",
            "Japan and Australia also voiced support for Manila. Their ambassadors issued a joint statement calling on all parties to respect international law.",
            "The incident was the third of its kind this year. Philippine officials said resupply missions to the grounded warship that serves as their outpost on the shoal would continue.",
        ]),
    "bbc_like": dict(
        title="Armenia and Azerbaijan agree text of peace treaty",
        date="2025-03-14", author="Anna Petrosyan", url="https://worldnews.example/news/world-europe-armenia-azerbaijan-treaty",
        paras=[
            "Armenia and Azerbaijan say they have agreed the text of a peace treaty to end nearly four decades of conflict, in what both governments called a historic step.",
            "The Armenian foreign ministry said the draft was ready to be signed. Azerbaijan confirmed the talks had been concluded but said Armenia must first change its constitution, which it says contains a claim on Azerbaijani territory.",
            "Yerevan rejects that interpretation and has said a constitutional referendum cannot be held quickly.",
            "The two countries fought two wars over Nagorno-Karabakh, a region of Azerbaijan that had a majority ethnic Armenian population until Azerbaijani forces retook it in 2023.",
            "The European Union and the United States welcomed the announcement. Russia, which had brokered the 2020 ceasefire, said it was ready to help with the signing.",
            "Analysts cautioned that the border between the two countries has still not been fully delimited and that Azerbaijan's demand for a transport corridor through southern Armenia remains unresolved.",
        ]),
    "guardian_like": dict(
        title="Germany to send more air-defence systems to Ukraine as Russian strikes intensify",
        date="2025-01-29", author="Jonas Becker", url="https://theobserverdaily.example/world/2025/jan/29/germany-air-defence-ukraine",
        paras=[
            "Germany will send two more Iris-T air-defence systems to Ukraine by the spring, the defence minister announced in Berlin, after a week of Russian missile and drone strikes on Ukrainian power plants.",
            "The pledge came as Ukraine's president urged western allies to speed up deliveries, saying Russia had launched more than 300 drones at Ukrainian cities in a single night.",
            "Russia's foreign ministry accused Berlin of prolonging the war and warned that German weapons on Ukrainian soil were legitimate targets.",
            "The German government has resisted calls to supply long-range Taurus cruise missiles, fearing they would be used to strike deep inside Russia. Opposition politicians said the new air-defence package was welcome but insufficient.",
            "Poland and the Netherlands said they would jointly finance a further Patriot battery. Nato's secretary general praised the contributions and called on other members to follow.",
            "Ukrainian officials said the strikes had knocked out about a third of the country's remaining generating capacity, and rolling blackouts were announced for Kyiv and Kharkiv.",
            "Energy ministers from the G7 are due to meet next week to discuss emergency support for Ukraine's grid.",
        ]),
    "reuters_like": dict(
        title="India and Pakistan agree to restore ceasefire along Kashmir frontier, officials say",
        date="2025-05-12", author="Sanjay Mehta", url="https://wirewire.example/world/asia-pacific/india-pakistan-ceasefire-2025-05-12/",
        paras=[
            "NEW DELHI/ISLAMABAD, May 12 - India and Pakistan agreed on Monday to restore a ceasefire along the Line of Control in Kashmir after four days of shelling, military officials on both sides said.",
            "The directors general of military operations spoke on a hotline and agreed to halt all firing from midnight, according to a statement from the Indian army.",
            "Pakistan's military confirmed the understanding and said it would respond to any violation.",
            "The fighting began after India accused Pakistan-based militants of an attack that killed 26 people in Indian-administered Kashmir. Islamabad denied any involvement and called for a neutral investigation.",
            "The United States, Saudi Arabia and Iran had all urged the two nuclear-armed neighbours to show restraint. A US official said Washington had been in contact with both governments throughout the crisis.",
            "Residents of border villages said they would wait several days before returning home.",
        ]),
    "ap_like": dict(
        title="Kenya-led police mission in Haiti asks UN for more funds as gangs expand",
        date="2024-12-03", author="Evens Sanon", url="https://newsagency.example/article/haiti-kenya-police-mission-gangs-funding",
        paras=[
            "PORT-AU-PRINCE, Haiti (NA) — The Kenyan commander of a multinational police mission in Haiti asked the United Nations on Tuesday for more money and equipment, warning that gangs now control nearly all of the capital.",
            "The mission has about 400 officers from Kenya, Jamaica, Belize and Guatemala, far fewer than the 2,500 originally planned. Its commander told the Security Council that armoured vehicles and helicopters were urgently needed.",
            "The United States, the mission's main funder, said it would contribute another $60 million. China and Russia have resisted proposals to turn the mission into a full UN peacekeeping operation.",
            "Gang violence has killed more than 4,500 people in Haiti this year, according to UN figures, and displaced more than 700,000.",
            "Haiti's transitional council has promised elections by next year, but officials concede that a vote is impossible while gangs block the main roads out of Port-au-Prince.",
        ]),
    "nyt_like": dict(
        title="Saudi Arabia and Iran Hold Talks in Riyadh as Regional Tensions Flare",
        date="2025-06-02", author="Farnaz Hosseini", url="https://thedailyrecord.example/2025/06/02/world/middleeast/saudi-iran-talks-riyadh.html",
        paras=[
            "Saudi Arabia and Iran held their highest-level talks in a year on Monday, as the two regional rivals sought to keep a 2023 reconciliation deal alive amid renewed fighting in Yemen.",
            "Iran's foreign minister met the Saudi crown prince in Riyadh and delivered a letter from the Iranian president, according to Iranian state media.",
            "Saudi officials said the talks had covered Yemen, the security of shipping in the Red Sea and the future of Syria, where both countries back the new government's efforts to stabilise the country.",
            "The meeting came days after Houthi forces in Yemen, which Iran supports, fired missiles at ships in the Red Sea. Saudi Arabia has urged Tehran to restrain the group.",
            "China, which brokered the 2023 agreement, welcomed the talks. A Chinese foreign ministry spokesman said Beijing was ready to continue playing a constructive role.",
            "Diplomats said a return visit by the Saudi foreign minister to Tehran was being prepared.",
        ]),
    "liveblog_guardian": dict(
        title="Middle East crisis live: Iran and US resume nuclear talks in Muscat",
        date="2025-04-12", author="Helen Marsh", url="https://theobserverdaily.example/world/live/2025/apr/12/iran-us-talks-muscat-live",
        paras=[
            "Iranian and US negotiators have arrived in Muscat",
            "The Iranian foreign minister landed in the Omani capital on Saturday morning, state media report, followed an hour later by the US special envoy. Oman's foreign minister will carry messages between the two delegations, which are not expected to meet face to face.",
            "Israel warns it will act alone if talks fail",
            "Israel's prime minister said in a video statement that Israel would not allow Iran to obtain nuclear weapons, whatever the outcome in Muscat. Israel has repeatedly threatened to strike Iranian nuclear facilities.",
            "Russia and China back Oman's mediation",
            "Russia's foreign ministry said Moscow supported the Omani effort and opposed any use of force against Iran. China's envoy to the UN said dialogue was the only way forward.",
            "The Iranian delegation has left the talks venue, according to Iranian state television, which described the first session as constructive. There is no word yet from the US side.",
        ]),
    "liveblog_ldjson": dict(
        title="Sudan war live: Rapid Support Forces shell El Fasher as talks collapse",
        date="2025-02-20", author="Yousra Ahmed", url="https://africalive.example/live/sudan-war-el-fasher-20-february",
        paras=[
            "The Rapid Support Forces shelled the city of El Fasher overnight, killing at least 30 civilians, according to a local resistance committee.",
            "Saudi Arabia and the United States said talks in Jeddah had been suspended after the RSF refused to withdraw from civilian areas.",
            "The Sudanese army accused the United Arab Emirates of supplying the RSF with drones. The UAE has denied arming either side.",
            "The UN humanitarian chief said famine had been confirmed in two more camps for displaced people in North Darfur.",
            "Egypt called on both sides to agree an immediate humanitarian truce and offered to host a new round of talks in Cairo.",
        ]),
    "amp_article": dict(
        title="Serbia and Kosovo trade accusations after border police clash",
        date="2024-10-09", author="Dragana Ilić", url="https://balkaninsight-news.example/2024/10/09/serbia-kosovo-border-clash/",
        paras=[
            "Serbia and Kosovo accused each other of provoking a clash between police officers near the Jarinje border crossing on Wednesday, the latest flare-up in their long-running dispute.",
            "Kosovo's interior minister said Serbian police had crossed the boundary line and attacked a patrol. Belgrade said its officers had been on Serbian soil and accused Pristina of staging the incident.",
            "The European Union, which mediates the dialogue between the two, called for calm and summoned negotiators from both sides to Brussels next week.",
            "Nato's peacekeeping force in Kosovo said it had increased patrols in the north, where ethnic Serbs are the majority.",
            "The United States urged Kosovo to avoid unilateral actions in the north and urged Serbia to pull back troops it had moved towards the boundary.",
        ]),
    "amp_liveblog": dict(
        title="Venezuela election dispute: live updates",
        date="2024-08-02", author="Lucía Pérez", url="https://americaswire.example/amp/live/venezuela-election-dispute",
        paras=[
            "Brazil, Colombia and Mexico issued a joint statement urging Venezuela's electoral authority to publish detailed voting results from every polling station.",
            "The Venezuelan government expelled diplomats from seven Latin American countries that had questioned the official result, including Argentina, Chile and Peru.",
            "The United States said there was overwhelming evidence that the opposition candidate had won the most votes, and threatened new sanctions against Venezuelan officials.",
            "Russia and China congratulated the incumbent president on his re-election and warned against foreign interference in Venezuela's internal affairs.",
        ]),
    "ghost_newsletter": dict(
        title="The quiet rapprochement between Japan and South Korea",
        date="2025-01-15", author="Min-jun Park", url="https://eastasiabrief.example/japan-south-korea-rapprochement/",
        paras=[
            "Relations between Japan and South Korea have rarely been as good as they are now, and hardly anyone outside the two capitals has noticed.",
            "Since 2023 the two governments have restored a military intelligence-sharing agreement, resumed regular summits and lifted the export controls they imposed on each other during the quarrel over wartime forced labour.",
            "The driver is North Korea. Pyongyang's missile tests, and its growing military cooperation with Russia, have persuaded both Seoul and Tokyo that they cannot afford to be divided.",
            "The United States has encouraged the thaw. Trilateral exercises with Japan and South Korea now take place several times a year, and the three countries share missile-warning data in real time.",
            "The rapprochement remains fragile. A change of government in Seoul could revive the history disputes, and Japanese officials worry that South Korean public opinion has not followed its leaders.",
        ]),
    "substack_comments": dict(
        title="Ethiopia, Somalia and the port that never was",
        date="2025-03-30", author="Abdi Warsame", url="https://hornnotes.example/p/ethiopia-somalia-port",
        paras=[
            "A year ago Ethiopia signed a memorandum with Somaliland that promised it a naval base on the Red Sea coast in exchange for recognising the breakaway region's independence.",
            "Somalia treated the deal as an attack on its sovereignty. Mogadishu expelled the Ethiopian ambassador, threatened to throw Ethiopian troops out of the African Union mission, and signed a defence pact with Egypt.",
            "Egypt, locked in its own dispute with Ethiopia over the Grand Ethiopian Renaissance Dam, sent weapons to Somalia and offered troops for the new peacekeeping mission.",
            "Turkey then stepped in. After two rounds of talks in Ankara, Ethiopia and Somalia agreed a declaration that promised Ethiopia commercial access to the sea under Somali authority.",
            "The port has still not materialised, and Somaliland has not been recognised. But the crisis showed how quickly a regional quarrel can draw in outside powers, and how much Turkey's mediation now counts in the Horn of Africa.",
        ]),
    "nextjs_app": dict(
        title="Colombia suspends talks with ELN rebels after attack on military base",
        date="2025-01-21", author="Andrés Gómez", url="https://latamtoday.example/colombia/eln-talks-suspended",
        paras=[
            "Colombia's government suspended peace talks with the National Liberation Army on Tuesday after the rebels attacked a military base in the north-east, killing two soldiers.",
            "The president said the attack was incompatible with the commitments the ELN had made at the negotiating table and that talks would not resume until the group ended its offensive.",
            "The ELN said the attack was a response to military operations against it and accused the government of failing to honour a ceasefire protocol.",
            "Cuba and Norway, which guarantee the talks, called on both sides to return to the table. Venezuela, where some ELN leaders are believed to be based, offered to host a meeting.",
            "More than 30,000 people have fled fighting between the ELN and dissident FARC factions in the Catatumbo region this month.",
        ]),
    "gov_press_release": dict(
        title="UK and Norway sign defence agreement on North Atlantic security",
        date="2025-05-22", author="", url="https://gov.example/government/news/uk-and-norway-sign-defence-agreement",
        paras=[
            "The United Kingdom and Norway have signed a defence agreement to deepen cooperation on the security of the North Atlantic and the High North.",
            "The agreement, signed in Oslo by the two defence ministers, commits both countries to joint patrols to protect undersea cables and pipelines, and to closer cooperation on anti-submarine warfare.",
            "British and Norwegian frigates will operate together to track Russian submarines, and the Royal Navy will have greater access to Norwegian bases.",
            "The Defence Secretary said: \"Our two nations are close allies with a shared interest in keeping the North Atlantic safe. This agreement will make us both stronger.\"",
            "Norway's defence minister said the agreement reflected the changed security situation in Europe since Russia's full-scale invasion of Ukraine.",
        ]),
    "un_press": dict(
        title="Security Council extends mandate of UN mission in South Sudan, calls for elections timetable",
        date="2025-04-30", author="", url="https://press.un-example.org/2025/sc15112.doc.htm",
        paras=[
            "The Security Council today extended the mandate of the United Nations Mission in South Sudan for one year, calling on the country's transitional government to publish a credible timetable for elections.",
            "Adopting resolution 2778 (2025) by 12 votes in favour to none against, with 3 abstentions (China, Pakistan, Russian Federation), the Council maintained the Mission's troop ceiling of 17,000.",
            "The representative of the United States said the transitional government had repeatedly failed to meet its own deadlines and urged South Sudan's leaders to end the violence in Upper Nile.",
            "The Russian Federation's delegate said the text placed unjustified pressure on a sovereign government and that the Council should respect South Sudan's own timetable.",
            "South Sudan's representative thanked the Council but said his Government rejected any attempt to interfere in its internal affairs.",
        ]),
    "table_layout_regional": dict(
        title="Nigeria, Benin reopen talks on border trade",
        date="2024-09-17", author="Chinedu Okafor", url="https://lagosledger.example/news/nigeria-benin-border-trade.html",
        paras=[
            "Nigeria and Benin have reopened talks on cross-border trade, a year after Nigeria closed its land borders to fight smuggling of rice and fuel.",
            "Officials from both countries met in Cotonou on Monday and agreed to set up joint customs posts at the Seme crossing.",
            "Benin's trade minister said his government would crack down on the re-export of goods to Nigeria. Nigerian officials welcomed the pledge but said checks would continue.",
            "The Economic Community of West African States has urged Nigeria to respect the bloc's free-movement rules.",
        ]),
    "blog_disqus": dict(
        title="What Moldova's vote means for the EU and Russia",
        date="2024-10-24", author="Ion Rusu", url="https://eastbloc-notes.example/2024/10/moldova-vote-eu-russia.html",
        paras=[
            "Moldovans narrowly voted on Sunday to write the goal of joining the European Union into their constitution, a result that surprised pollsters who had expected a comfortable majority.",
            "The government in Chisinau accused Russia of trying to buy votes through a network of pro-Russian politicians, and said it had evidence of payments to more than 100,000 voters.",
            "Moscow denied interfering and accused Moldova's president of suppressing the opposition.",
            "The European Commission congratulated Moldova and promised to continue supporting its accession process. Romania, Moldova's closest ally in the EU, called the vote a victory over disinformation.",
            "The second round of the presidential election will take place in two weeks.",
        ]),
    "magazine_longform": dict(
        title="The Arctic is the new front line between Russia and Nato",
        date="2025-02-27", author="Kari Lund", url="https://globalaffairsmag.example/articles/arctic-front-line-russia-nato",
        paras=[
            "For most of the post-cold war era the Arctic was a place where Russia and the West cooperated. Scientists shared data, coast guards trained together and the Arctic Council met without drama.",
            "That era is over. Since 2022 the seven western members of the council have suspended cooperation with Russia, and Finland and Sweden have joined Nato, turning the Baltic and the High North into a Nato lake with one Russian shore.",
            "## Bases and submarines",
            "Russia has reopened Soviet-era bases along its northern coast and keeps most of its nuclear-armed submarines on the Kola peninsula, a short distance from the Norwegian border.",
            "> The Kola peninsula is the most important piece of military real estate Russia has.",
            "That is how a Norwegian intelligence officer described it in a briefing last year, and Nato planners agree. The alliance has increased exercises in northern Norway and stationed patrol aircraft in Iceland.",
            "## China's interest",
            "China calls itself a near-Arctic state and has cooperated with Russia on shipping along the northern sea route. Nato officials worry that Moscow, isolated by sanctions, will give Beijing access it once refused.",
            "Not everyone sees a new cold war. Some diplomats argue that the Arctic's harsh conditions force even adversaries to talk, and point to continued fisheries cooperation between Norway and Russia.",
        ]),
    "photo_heavy": dict(
        title="Libya's rival governments agree to unify central bank leadership",
        date="2024-09-26", author="Omar Benali", url="https://maghrebpost.example/libya/central-bank-deal",
        paras=[
            "Libya's rival governments agreed on Thursday to appoint a new central bank governor, ending a standoff that had halted much of the country's oil production for a month.",
            "The agreement, brokered by the UN mission in Libya, was signed by representatives of the parliament in the east and the high council of state in Tripoli.",
            "Oil output collapsed in August after the eastern authorities shut down fields in protest at the removal of the previous governor by the Tripoli-based government.",
            "The United States and the European Union welcomed the deal and urged Libyan leaders to restart oil exports without delay.",
            "Turkey, which supports the government in Tripoli, and Egypt, which backs the eastern commander, both said they would support the new governor.",
        ]),
    "paywall_teaser": dict(
        title="Taiwan detects record number of Chinese aircraft after president's speech",
        date="2024-10-15", author="Wei-ting Chen", url="https://asiamarketsjournal.example/politics/taiwan-record-chinese-aircraft",
        paras=[
            "Taiwan's defence ministry said it detected 153 Chinese military aircraft around the island on Monday, the highest number recorded in a single day, as China held large-scale drills days after the Taiwanese president's national day speech.",
            "Beijing said the exercises were a stern warning to separatist forces. The Taiwanese government condemned the drills as an irrational provocation.",
            "The United States said it was seriously concerned and urged China to act with restraint.",
        ]),
    "inline_related": dict(
        title="Indonesia offers to mediate between Myanmar junta and resistance",
        date="2025-03-19", author="Rizky Pratama", url="https://jakartaglobe-news.example/world/indonesia-mediate-myanmar",
        paras=[
            "Indonesia has offered to host talks between Myanmar's military government and the armed groups fighting it, the Indonesian foreign minister said in Jakarta on Wednesday.",
            "The offer follows a meeting of Asean foreign ministers at which several members criticised the junta for failing to implement the bloc's five-point peace plan.",
            "Thailand, which shares a long border with Myanmar, said it supported the Indonesian initiative and would help deliver humanitarian aid through its territory.",
            "The National Unity Government, which represents the ousted civilian administration, said it welcomed dialogue but would not negotiate while the military continued air strikes on villages.",
            "China, which has close ties with both the junta and some of the armed groups along its border, has brokered several local ceasefires in northern Myanmar.",
        ]),
}
