// The complaint cues, by reason. Longer, more specific cues win over cues they contain, so a general cue
// ("never arrived": lost) can be refined by a longer one ("engineer never turned up": delay).

extension ComplaintLexicon {
    static let cueRules: [ComplaintRule] =
        delayCues + cancellationCues + lostCues + billingCues + waitingCues + noResponseCues + staffCues
        + websiteCues + productCues + otherCues

    static let delayCues: [ComplaintRule] =
        ComplaintRule.event(
            .delay,
            [
                "delayed again|today|yet|once|twice|{yet again|once again}?",
                "{another|more|constant|endless|huge|massive|long|big|major|yet another|continuous|continual|"
                    + "repeated|ongoing|further|frequent|daily|regular|lengthy|serious|significant} delay|delays",
                "DUR0 delay|delays|late",
                "delay|delays again|every|each|today|yet",
                "running|arrived|arriving|arrives|departed|departing|delivered|came|comes|always|constantly|left|"
                    + "consistently|chronically|forever|persistently|habitually late",
                "{turned|turns|turning|showed|shows|showing} up late",
                "late again|today|yet|every|each|twice|daily|constantly",
                "@vehicle|@goods {is|was|are|were|running|still|always|arrived|came||} late",
                "overdue",
                "{was|were|is} due {yesterday|last|on|ago|days|weeks|this}",
                "missed my|our|the connection|connecting|flight|train|bus|ferry|appointment|meeting|interview|wedding|"
                    + "funeral|plane|coach|transfer",
                "{stuck|stranded|trapped|held} {on|at|in} the|a? tarmac|runway|plane|train|platform|airport|station|"
                    + "bus|carriage|gate",
                "{sat|sitting|waiting} on the tarmac|runway",
                "diverted|rerouted",
                "{terminated|terminating|turned back|short formed} early|short|at?",
                "{stuck|held|sitting|sat} in {transit|customs|the depot|a depot|the warehouse|the sorting}",
                "{tracking|order|parcel|package} {hasn't|has not|not|still not|still hasn't|hasn't been|hasnt} "
                    + "{updated|moved|changed|been updated}",
            ])
        + ComplaintRule.state(
            .delay,
            [
                "{didn't|did not|doesn't|does not|failed to|won't|wouldn't|never} stop at|here|in",
                "@driverlike never {arrived|came|turned up|showed up|showed|bothered}",
                "no show",
                "{still|yet} in transit",
            ])
        + ComplaintRule.generic(
            .delay, .awaited,
            [
                "{hasn't|has not|haven't|have not|isn't|is not|not|didn't|did not|wasn't|was not|aren't|weren't|"
                    + "still not|still hasn't|still haven't|not yet|yet to} {been|be|even|actually|yet}? "
                    + "arrived|dispatched|shipped|delivered|departed|arrive|come|turned|posted|sent|collected",
                "{still not|still isn't|isn't|hasn't|not yet|still hasn't|still not been} here",
                "{hasn't|has not|haven't|have not|didn't|did not|still not|not} {turned|shown|showed|turn|show} up",
                "{supposed|meant|promised|expected|scheduled|due} to {arrive|be delivered|be here|come|be back|"
                    + "be ready|be fixed|be dispatched|be sent|be refunded|get|call|ring|reply|be with|be} "
                    + "..3 yesterday|ago|last|days|weeks|hours|@when",
            ])

    static let cancellationCues: [ComplaintRule] =
        ComplaintRule.event(
            .cancellation,
            [
                "cancelled|canceled|cancelling|canceling",
                "{another|more|constant|endless|last minute|yet another|repeated|frequent|sudden} "
                    + "cancellation|cancellations",
                "{bumped|kicked|booted|thrown} {off|from|out} ..2 flight|plane|train|bus|booking|coach|ferry",
                "{denied|refused} boarding",
                "overbooked",
            ])

    static let lostCues: [ComplaintRule] =
        ComplaintRule.event(
            .lostOrDamaged,
            [
                "lost {my|our|the|your|a|an|their|his|her|all|both}? ..1 @luggage|@goods",
                "@luggage|@goods {is|was|are|were|has been|have been|got|gets|went|came|arrived|been|still|"
                    + "is still|has gone|have gone|is now|was totally|is completely|was completely|has|have|seems|"
                    + "appears to be|looks|now||} @damage",
                "missing bag|bags|luggage|suitcase|parcel|package|item|items|part|parts|piece|pieces|order|delivery|"
                    + "product|products|contents",
                "{item|items|part|parts|piece|pieces|bits|something|half|some|things|stuff|contents} "
                    + "{is|are|was|were|still|went}? missing",
                "missing from {my|the|our} @goods|box|bag|order|suitcase|luggage",
                "{arrived|came|delivered|received|arrives|turned up|showed up|got it|received it} "
                    + "{completely|totally|all|badly|already}? damaged|broken|smashed|crushed|opened|open|torn|ripped|"
                    + "dented|cracked|leaking|wet|squashed|defective|faulty|soaked|shattered|destroyed|incomplete|"
                    + "empty|ruined",
                "{arrived|came|delivered} {in pieces|in bits|half empty}",
                "damaged|broken|smashed|lost in {transit|the post|the mail|delivery|shipping|handling}",
                "{delivered|sent|left|dropped|went|shipped|posted|given} to {the|a}? wrong "
                    + "address|house|door|person|flat|building|postcode|location|depot|neighbour|neighbor",
                "{can't|cannot|couldn't|could not|unable to} find {my|our|the} ..1 @luggage",
                "{stolen|stole|nicked|taken} from {my|our|the} @luggage|parcel|package|delivery|box",
                "{threw|thrown|chucked|dumped|flung|hurled|tossed|kicked|throwing|chucking} {my|our|the} "
                    + "@goods|@luggage",
                "{left|dumped} {my|our|the} @goods {in the rain|outside in|in a puddle|in the bin|in full view|"
                    + "on the street|in the street}",
            ])
        + ComplaintRule.state(
            .lostOrDamaged,
            [
                "{tracking|it|parcel|order|package|app|website|email|status} {says|said|shows|showed|showing|marked|"
                    + "claims|claimed|states} {it was|it's|it has been|as|that it was|it|that it's||} delivered",
                "never {arrived|came|turned up|showed up|got delivered|was delivered|been delivered|delivered|"
                    + "received|reached|got|made it}",
                "{never|didn't|did not|not once} {received|receive|got|get} {my|our|the|a|an|any|it|them}? "
                    + "..1 @goods|@luggage",
                "{where is|where's|where are|where r|wheres} {the hell|on earth|tf||} {my|our|the}? ..1 @luggage",
                "@luggage {never|didn't|did not|hasn't|has not} {arrived|turned up|make it|made it|show up|come|"
                    + "arrive|turn up|came}",
            ])

    static let billingCues: [ComplaintRule] =
        ComplaintRule.event(
            .refundOrBilling,
            [
                "charged|billed|debited|overcharged {me|us|my card|my account|our account||} {twice|double|"
                    + "two times|three times|again|extra|more|wrongly|incorrectly|without|too much|for nothing|"
                    + "for something|the wrong|a second time|an extra|full price|for items|for an item|for a|"
                    + "for stuff|#many}",
                "{double|triple} charged|billed|charge|charging|debited|payment|payments",
                "overcharged|overcharging|overbilled",
                "{unauthorised|unauthorized|fraudulent|unexpected|mystery|hidden|random|unknown|unexplained|"
                    + "incorrect|wrong|duplicate|surprise|sneaky|bogus|extortionate} charge|charges|payment|payments|"
                    + "transaction|transactions|fee|fees|debit|debits|bill|amount|invoice",
                "{still|keep|keeps|kept|continue|continues|continuing|keep on} {being|getting|to}? "
                    + "charged|charging|billing|billed|taking",
                "billing|invoice|charge|charging {error|mistake|issue|problem|problems|issues|nightmare|mess}",
                "{took|taken|taking|stole|stolen|kept|keep|keeping|pocketed|take} {my|our} money",
                "{took|taken|taking} {the|my|our}? {money|payment|payments|deposit} {twice|again|without|but}",
                "{paid|pay|paying} {twice|double|for nothing}",
                "{paid|pay|paying} for ..4 {and|but} {didn't|did not|never|haven't|hasn't|still haven't|wasn't|"
                    + "weren't} {get|got|receive|received|given|provided|honoured|honored}",
                "{refund|compensation|claim|refunds|reimbursement} {was|is|has been|got|been}? "
                    + "refused|denied|rejected|declined",
                "{refused|denied|rejected|declined|won't|wouldn't|will not|would not|refusing|refuse|refuses} "
                    + "{to}? {give|issue|process|pay|offer|provide}? {me|us}? {a|my|the|any|our}? "
                    + "refund|compensation|reimbursement|refunds|reimburse",
            ])
        + ComplaintRule.state(
            .refundOrBilling,
            [
                "{still|yet} no refund|compensation|reimbursement|money|response",
                "no refund|compensation|reimbursement {yet|still|received|issued|given|offered|back|at all}",
                "{no sign|no trace} of {my|the|a|any|our} refund|money|compensation|reimbursement",
                "{refund|compensation|reimbursement|money|payment|credit|refunds} {still|yet}? {hasn't|has not|"
                    + "haven't|have not|isn't|is not|not|never|still not|still hasn't|didn't|did not|wasn't} "
                    + "{been|yet|even}? arrived|come|appeared|processed|paid|received|issued|credited|back|cleared|"
                    + "reached|showed|shown|gone|through",
                "{haven't|hasn't|have not|has not|not|never|still not|didn't|did not|yet to be|still haven't|"
                    + "still hasn't|wasn't|weren't|yet to|not yet} {been|got|get|received|receive|even}? refunded",
                "{waiting|waited|wait|chasing|chased|chase} ..4 {for|on} {my|a|the|our|any|this|that}? "
                    + "refund|compensation|reimbursement|money|payout|refunds",
                "{want|need|demand|deserve|expect|expecting|demanding} {a|my|the|our|full|a full|some|your}? "
                    + "refund|compensation|reimbursement",
                "{want|need|demand} {my|our} money back",
                "{where is|where's|where are|where r|wheres} {the hell|on earth|tf||} {my|our|the}? "
                    + "refund|money|compensation|reimbursement|cashback|credit|refunds",
                "{never|didn't|did not|not|haven't|hasn't|still not} {received|receive|got|get|had} "
                    + "{my|our|the|a|any}? "
                    + "refund|compensation|reimbursement|money",
            ])

    static let waitingCues: [ComplaintRule] =
        ComplaintRule.event(
            .waitingTime,
            [
                "on hold {for|now|over||} DUR",
                "DUR {on hold|in the queue|in a queue|in queue|in line|in the line|on the phone|on the line|queuing|"
                    + "queueing|in the call queue|to get through|to speak|to talk|in a call queue|holding|on the tel}",
                "{been|still|stuck|sat|kept|left|currently|now|placed|put} on hold",
                "{long|huge|massive|ridiculous|endless|enormous|insane|crazy|horrendous|awful|terrible|horrible|"
                    + "shocking|appalling|silly|stupid|unacceptable|absurd|excessive|unreal|lengthy|mammoth|epic} "
                    + "hold|holds|queue|queues|wait|waits|waiting|line|lines|{waiting times|wait times|hold times}",
                "{hold|wait|waiting|queue|queuing|queueing|response} {time|times} {is|are|was|were|being}? "
                    + "{so|very|really|too|far too|ridiculously|absolutely||} long|huge|ridiculous|insane|crazy|"
                    + "horrendous|awful|terrible|shocking|appalling|unacceptable|absurd|excessive",
                "{hold|wait|waiting|queue|queuing|queueing|response} {time|times} {is|are|was|were|of|being}? "
                    + "{over|nearly|almost||} DUR",
                "{kept|keep|keeps|keeping|left|leave|leaving|leaves} {me|us|customers|people|everyone|passengers|"
                    + "him|her|them} {waiting|hanging|on hold|in a queue|queuing|queueing|standing}",
                "{queued|queuing|queueing|stood|standing} {in a queue|in the queue|in line|in the line|outside|there||}"
                    + " {for|over||} DUR",
            ])
        + ComplaintRule.state(
            .waitingTime,
            [
                "how {much}? longer",
                "how long {do|must|should|will|am|are|have} {i|we} {have to|need to|going to|gonna|supposed to|"
                    + "meant to|expected to|got to|be expected to||} "
                    + "{wait|be waiting|be on hold|hold|queue|keep waiting|"
                    + "been waiting|been on hold}",
            ])
        + ComplaintRule.generic(
            .waitingTime, .awaited, negatable: true,
            [
                "{waiting|waited|wait|sat|sitting|stuck} {around|about|here|there|outside|at the desk|"
                    + "at the counter|at the door|at home|in|at the gate|at the airport|at the station|in the cold|"
                    + "in the rain||} {for|over|now||} DUR",
                "{waited|waiting|wait|queued|queuing} {so long|too long|far too long|way too long|long enough|"
                    + "this long|that long}",
                "{takes|took|taking|take|taken} {ages|forever|so long|too long|far too long|way too long|an eternity|"
                    + "so much time|an age|a lifetime}",
                "{slow|slowest|sluggish} service|response|responses|reply|replies|delivery|deliveries|refund|refunds|"
                    + "process|processing|queue|staff|dispatch|shipping",
            ])
        + ComplaintRule.generic(
            .waitingTime, .awaited,
            [
                "{been|still} waiting since #num|@when",
                "waiting since #num|@when",
                "still waiting|queuing|queueing",
                "{been|was|were} waiting {for|over|nearly|almost||} DUR",
                "DUR {waiting|of waiting|and counting|for a reply|for an answer|for someone|for a response|"
                    + "for a call back|for a callback|later and|and still|and nothing|& still|and no}",
                "DUR {at the gate|at the airport|at the station|at the desk|at the counter|on the tarmac|"
                    + "on the plane|on the train|on the runway|on the platform|outside|in reception|in the lobby|"
                    + "in arrivals|at baggage|at the carousel|at the bar|at the table|for a table|for food|"
                    + "for our food|for my food|for a taxi|for the bus|for a train|for the engineer}",
                "{took|taken|taking|take|takes} DUR to {arrive|come|be served|get here|be delivered|turn up|respond|"
                    + "reply|answer|refund|process|fix|sort|get|be seen|be answered|pick up|connect|load|deliver|"
                    + "show up|get through}",
                "waiting {for|on} {a|my|the|any|your|our} callback|reply|response|answer|email|call|update|{call back}",
                "{been trying|trying|tried|been chasing|chasing} ..5 for DUR",
                "{been trying|trying|tried|been chasing|chasing} ..5 since #num|@when",
                "{been trying|trying|tried} ..5 {for|since} {ages|weeks|days|months|hours}",
                "DUR {after|since|past} {the|my|our}? {promised|expected|estimated|due|scheduled|delivery|arrival} "
                    + "date|time|day",
            ])

    static let noResponseCues: [ComplaintRule] =
        ComplaintRule.state(
            .noResponse,
            [
                "{no one|noone|nobody|no body|not one person|not a single person|not one|not a soul} {ever||} "
                    + "answers|answered|answering|picks|picked|replies|replied|responds|responded|responding|"
                    + "replying|called|calls|rang|rings|cares|cared|helps|helped|bothered|bothers|contacted|"
                    + "returned|returns|listens|listened|listening|reads|explained|explains|updated|updates|informed|"
                    + "informs|answer|reply|respond|help|call|emailed|followed|gets|got",
                "{no one|noone|nobody|no body} {is|was|has|have|will|can|seems|seemed|could|would|wants|ever|did} "
                    + "{to||} answering|available|responding|replying|picking|helping|there|around|interested|"
                    + "willing|able|answered|replied|responded|got|gotten|called|contacted|come|bothered|helped|"
                    + "telling|"
                    + "saying|explaining|updating|informing|told|explained|"
                    + "returned|answer|reply|respond|help|tell|call|give|listen|explain|know|care|get|ring|email|"
                    + "update|inform|bother",
                "no reply|replies|response|responses|answer|answers|callback|communication|info|information|update|"
                    + "updates|news|word|explanation|acknowledgement|acknowledgment|feedback|followup|notification|"
                    + "contact|confirmation|help|support|assistance|comms|updates|announcement|announcements",
                "no {call back|return call|phone call|follow up|one to help|one to talk to|one to speak to|"
                    + "one available|email back|response whatsoever|reply whatsoever}",
                "{haven't|have not|hasn't|has not|not|never|didn't|did not|still not|still haven't|still no|yet to|"
                    + "without|haven't yet|not yet|still hasn't} {heard|had|received|got|gotten|get|"
                    + "receive|hear} {anything|a|any|a single|one|an|the|even a|even an|so much as a||} "
                    + "back|reply|replies|response|responses|answer|answers|call|callback|email|emails|word|update|"
                    + "updates|acknowledgement|acknowledgment|anything|from|confirmation|feedback|contact|news|peep",
                "{never|not|haven't|hasn't|didn't|did not|still haven't|still not|have not|has not|"
                    + "yet to|no one has|nobody has|still hasn't|not once} {been|be|ever|even||} replied|responded|"
                    + "answered|returned|contacted|emailed|acknowledged|notified|informed|updated|rung|phoned|"
                    + "called|{called back|rang back|got back|gotten back|heard back|followed up|rung back|phoned back|"
                    + "come back|came back|get back|call back|ring back}",
                "left on read",
                "callback|{call back}|reply|response|email|answer|update|call {that|which||} {never|didn't|did not|"
                    + "hasn't|has not|still hasn't} {came|comes|come|arrived|arrives|happened|happens|materialised|"
                    + "materialized}",
                "{ignored|ignoring|ignores} me|my|us|our|all|every|messages|emails|calls|tweets|dms|complaint|"
                    + "complaints|requests|customers|this|it|them|everything",
                "ignore me|my|us|our",
                "{being|been|get|getting|got|keep|keeps|feel|felt|completely|totally|just|constantly|always|"
                    + "repeatedly} ignored",
                "{can't|cannot|couldn't|could not|unable to|impossible to|can not|no way to|not able to|never able to}"
                    + " {get through|get hold|reach|contact|speak to|talk to|get anyone|get an answer|get a response|"
                    + "get a reply|get in touch|get hold of|get a human|get someone|get any answers|get any help|"
                    + "get an actual|speak with|talk with|get a person}",
                "{phone|line|call|calls|chat|number|helpline|phones|lines} {just||} {keeps|keep|always||} "
                    + "{ringing out|rings out|rang out|cut off|cuts off|goes dead|went dead|disconnects|disconnected|"
                    + "disconnecting|dropped|drops|hangs up|hung up|goes to voicemail|went to voicemail|is engaged|"
                    + "engaged|unanswered|never answered|not answered|goes unanswered|went unanswered|ringing and}",
                "{@nth|#nth} time {i've|i have|i|we've|we have|we|i'm|i am|we're|we are|ive||} {now||} asked|called|"
                    + "rung|rang|emailed|messaged|contacted|chased|written|wrote|tweeted|complained|requested|reported|"
                    + "tried|phoned|raised|dmed|sent|explained|asking|calling|chasing|emailing|contacting|messaging|"
                    + "writing|complaining|requesting|trying|phoning|reporting|explaining|tweeting|raising|sending|"
                    + "following|been|had|spoken|spoke|talked|contacting",
                "{@nth|#nth} {call|email|message|complaint|tweet|request|letter|dm|chaser|phone call|webchat|"
                    + "chat|follow up|followup|attempt to contact|time of asking|time asking|time calling|reminder|"
                    + "time of calling|time of contacting}",
                "asked|called|emailed|rang|phoned|contacted|chased|messaged|complained|written|wrote|tweeted|tried|"
                    + "requested|reported|dmed|rung|spoken|spoke|raised ..3 @many|#many times|occasions",
                "{is|are} {anyone|anybody|someone|somebody|there anyone|there anybody|there someone|there somebody|"
                    + "any of you|you guys|this account|this page|anyone actually|anybody actually} {even||} "
                    + "there|listening|reading|working|awake|home|alive|available|monitoring|manning|answering|"
                    + "responding|reading",
                "{is there|are there} {anyone|anybody|someone|somebody|any humans|a human} {who|that||} "
                    + "{can|could|will|actually|even||} help|answer|respond|reply|read|working|available|listening|"
                    + "there|alive|home",
                "does {anyone|anybody|someone|somebody|this account|this page|anyone there|anybody there} "
                    + "{even|actually|ever||} read|answer|reply|respond|work|check|monitor|care|listen",
            ])
        + ComplaintRule.generic(
            .noResponse, .awaited,
            [
                "any @chase {on|about|regarding|re|with|for|from|on the status of} {my|our|this|that|it|you|"
                    + "your team|the refund|the delivery|the complaint|case|ticket|reference|ref|the claim}",
                "any @chase {yet|at all|please|whatsoever|guys|still|today} ",
                "any @chase $",
                "@many|#many calls|emails|messages|chasers|complaints|attempts|tweets|dms|requests|letters|followups|"
                    + "chats|webchats|reminders",
                "@many|#many {phone calls|follow ups}",
                "chasing|chased",
                "chase {up|my|our|this|you|again|it up|this up}",
                "{when|when the hell|when on earth} {will|are|do|can|am|would|should|shall} {i|we} "
                    + "{ever|actually|finally||} get|receive|see|getting|receiving|have ..2 @owed|back|money",
                "{when|when the hell|when on earth} {will|are|do|can|am|would|should|shall} {i|we} "
                    + "{ever|actually|finally||} {hear|hearing|be refunded|be compensated|be reimbursed|be contacted|"
                    + "be called|get a reply|get an answer|get a response|get a call}",
                "{when|when the hell|when on earth} {will|is|are|does|do|would} {my|our|the}? @owed ..3 arrive|come|"
                    + "be|get|arriving|coming|being|here|delivered|dispatched|processed|sorted|fixed|refunded|back|"
                    + "going|turn|show|due|ready|paid|credited",
                "{when|when the hell|when on earth} {will|are|do|can|is|would|does} {you|someone|somebody|anyone|they|"
                    + "you guys|anybody} {actually|ever|finally|even||} reply|respond|answer|call|contact|fix|sort|"
                    + "refund|reimburse|compensate|resolve|deal|pay|return|honour|honor|process|ring|email|bother|"
                    + "{get back|send my|send me|send our|deliver my|deliver our|let me know|let us know}",
            ])

    static let staffCues: [ComplaintRule] =
        ComplaintRule.event(
            .staff,
            [
                "@rude ..2 @staff",
                "@rude {customer service|customer care|customer support|service|support|aftercare|after sales|"
                    + "attitude|manners|reception|front desk|call centre|call center|helpline}",
                "@staff @linkint? @linkint? @linkint? @rude",
                "{bad|poor|terrible|awful|horrible|appalling|shocking|rude|stinking|dreadful|nasty|horrendous|"
                    + "disgusting|unpleasant|lousy|crap|crappy|pathetic|abysmal|atrocious} attitude|manners",
                "{poor|bad|shocking|appalling|dreadful|abysmal|atrocious|worst|lousy|crap|crappy|shite|shit|rubbish|"
                    + "pathetic|disgraceful|non existent|nonexistent|terrible|awful|horrendous|diabolical|woeful} "
                    + "{customer service|customer care|customer support|service|support|aftercare|after sales}",
                "{patronised|patronized|belittled|humiliated|mocked|harassed|bullied|intimidated|manhandled|"
                    + "assaulted|shouted|yelled|screamed|sworn|swore}",
            ])
        + ComplaintRule.state(
            .staff,
            [
                "{hung|hang|hangs|hanging|put} {up|the phone down|down the phone} on me|us|my",
                "{laughed|shouted|yelled|screamed|swore|sneered|snapped|smirked|scoffed|barked|growled|glared|"
                    + "rolled her eyes|rolled his eyes|rolled their eyes|raised voice|raised his voice|"
                    + "raised her voice|tutted|sighed} at me|us|my|our",
                "{won't|wouldn't|would not|will not} {help|assist|listen to|serve|let} me|us",
                "{refused|refuses|refusing|didn't want|did not want|couldn't be bothered|"
                    + "could not be bothered|can't be bothered|cannot be bothered|didn't bother|did not bother|"
                    + "not interested in|wasn't interested in|weren't interested in} {to|in||} help|helping|listen|"
                    + "listening|assist|assisting|serve|serving|explain|apologise|apologize|escalate|look|deal|speak|"
                    + "talk|{let me|let us|give me|give us|do anything|take responsibility}",
                "{they|he|she|staff|agent|you|manager|driver|crew|nobody|u|guy|woman|lady|man|people|employees|"
                    + "staffer|waiter|waitress|team|company|airline|it's clear they|clearly} {just|clearly|obviously|"
                    + "really|simply||} "
                    + "{didn't|did not|don't|doesn't|couldn't|could not|does not|do not|never|wouldn't|"
                    + "won't} {even||} care|apologise|apologize|{say sorry|look at me|look at us|make eye contact|"
                    + "acknowledge me|acknowledge us|greet us|greet me|listen to me|listen to us}",
                "{didn't|did not|never|couldn't} {even||} {apologise|apologize|say sorry|offer an apology}",
                "{couldn't|could not|could} care less",
                "could be bothered",
                "{treated|spoke|spoken|talked|speaking|talking|treating|treat|speak|spoke} {to||} "
                    + "me|us|customers|people|passengers {like|as if|as though|with contempt|with disdain|badly|"
                    + "terribly|awfully|appallingly|disgracefully|rudely}",
                "{talked|talking|spoke|speaking|talk} down to me|us",
                "{no|zero|without an|without any|not even an|not even a|didn't even get an|"
                    + "didn't even get a|never got an|never received an} apology",
                "@staff @linkint? @linkint? {not|weren't|wasn't|isn't|aren't|never} {very|at all|remotely|even|"
                    + "particularly|the least bit|in the slightest||} helpful|interested|bothered|trained|friendly|"
                    + "polite|apologetic|sympathetic|understanding|knowledgeable|professional|courteous|welcoming|"
                    + "listening|caring",
                "@staff {ignored|ignoring|ignores} me|us|my|our|everyone|customers",
            ])

    static let websiteCues: [ComplaintRule] =
        ComplaintRule.event(
            .bookingOrWebsite,
            [
                "{can't|cannot|couldn't|could not|unable to|won't let me|doesn't let me|does not let me|"
                    + "didn't let me|not letting me|impossible to|can not|not able to|wouldn't let me|"
                    + "isn't letting me|will not let me|keeps failing to|fails to|failed to|won't let us|"
                    + "wouldn't let us} log|login|sign|signin|access|book|pay|check|checkin|complete|reset|change|"
                    + "amend|update|use|download|load|open|select|add|choose|cancel|manage|register|verify|redeem|"
                    + "apply|upload|submit|order|purchase|buy|confirm|print|retrieve|edit|transfer|topup|renew|"
                    + "activate|{see my|view my|get into|get onto|get on|top up|make a booking|make a payment|"
                    + "make payment|get my|download my} in|into|on|onto|up|out?",
                "@web {is|was|are|were|has been|keeps|been|still|just|always|constantly|now|currently|seems|"
                    + "seems to be|is still|is now|is always|goes|went|keeps on|has|have|is completely|is totally|"
                    + "is absolutely||} down|crashing|crashed|crashes|crash|broken|freezing|frozen|freezes|glitching|"
                    + "glitchy|buggy|useless|rubbish|failing|failed|fails|erroring|unusable|offline|unavailable|"
                    + "unresponsive|lagging|laggy|slow|dead|shocking|awful|terrible|{a joke|a nightmare|a disaster|"
                    + "a shambles|a mess|timing out|logging me out|kicking me out|not loading|not working}",
                "@web {is|was|keeps|still|just||} not|isn't|wasn't|doesn't|won't|didn't|can't|cannot|{does not|"
                    + "will not|did not|is not|still not} working|work|load|loading|open|opening|accepting|accept|"
                    + "recognising|recognizing|recognise|recognize|letting|let|showing|show|updating|update|"
                    + "responding|respond|connecting|connect|taking|take|available|{working properly|work properly}",
                "error|errors {message|messages|code|codes|page|screen|every|each|when|again|keeps|saying|popping}",
                "{keeps|keep|kept} {saying|giving|showing|throwing|getting|coming up with|popping up with} "
                    + "{me|us||} {an|the||} error|errors",
                "{an|this|the|same|another} error {message|code|keeps|every|again|when|popped|comes|came|appears}",
                "{payment|card|transaction|checkout|purchase|booking|order} {keeps|has|was|is|got|just|keep||} "
                    + "failed|failing|fails|declined|rejected|refused|bounced|{won't go through|didn't go through|"
                    + "not going through|doesn't go through|failed to go through|keeps failing|timed out|timing out}",
                "booking|reservation|ticket|tickets|account|points|miles|voucher|vouchers|profile|login|details|"
                    + "reference {has|have|was|were|is|are|just|got|has been|have been||} disappeared|vanished|gone|"
                    + "deleted|locked|blocked|suspended|hacked|frozen|wiped|{not showing|not appearing|gone missing}",
                "password|reset|link|code|verification|otp|promo|discount|voucher|checkout|basket|cart|login|"
                    + "confirmation {code|link|email||} {doesn't|does not|didn't|did not|won't|isn't|is not|not|never|"
                    + "still not|hasn't|has not|wasn't} work|working|worked|arrive|arrived|load|apply|applying|valid|"
                    + "accepted|come|came|send|sent|received",
                "stuck on the|a? loading|payment|checkout|login|booking|verification|home|confirmation|processing|"
                    + "spinning|white|blank|error|same",
                "{double|duplicate|wrong|incorrect|messed up|screwed up|botched} booking|bookings|booked|reservation|"
                    + "reservations|ticket|tickets|dates",
                "booking|reservation|ticket|bookings "
                    + "{error|mistake|problem|issue|issues|problems|nightmare|fiasco|mess}",
                "seat|seats|room|rooms|upgrade|reservation|booking|table {was|were|has been|have been|got||} "
                    + "{given away|changed|downgraded|moved|reassigned|sold|released|double booked}",
                "downgraded",
                "booking|reservation|order|confirmation|payment|transaction|ticket|tickets {never|didn't|did not|"
                    + "hasn't|has not|still hasn't|still not|not} {came|come|go|gone|went|going} through",
                "{gave|given|giving|give} {it|our table|my table|our room|my room|my seat|our seats|the room|"
                    + "the table|the seat|our booking|my booking} away",
                "{keeps|kept|keep} {logging|signing|kicking|throwing|booting|locking} me|us {out|off}",
                "{online|mobile|web|app} {check in|checkin|booking|payment} {not|isn't|doesn't|won't|didn't|failed|"
                    + "failing|down|broken}",
            ])

    static let productCues: [ComplaintRule] =
        ComplaintRule.event(
            .productQuality,
            [
                "@breaks|{fell apart|falling apart|came apart|came off|fell off|wore out|stopped working} "
                    + "{after|within|in|on} ..2 @usage",
                "{is|was|are|were|already|came|totally|completely|it's|it is|they're|they are|is completely|"
                    + "arrived} broken|faulty|defective|cracked|useless|shoddy|flimsy|substandard|counterfeit|fake|"
                    + "dodgy|knackered|bust|busted|junk|malfunctioning",
                "faulty|defective|substandard|shoddy|flimsy|counterfeit|malfunctioning|malfunctioned|unusable|"
                    + "unwearable|inedible|undrinkable",
                "{poor|bad|cheap|low|terrible|awful|shocking|appalling|horrible|dreadful|abysmal|crap|shit|rubbish|"
                    + "declining|deteriorating|questionable} quality",
                "quality {has|is|was||} {gone down|dropped|declined|deteriorated|worse|terrible|awful|poor|shocking|"
                    + "rubbish|appalling|gone downhill}",
                "{cheaply|badly|poorly|shoddily} made|built|designed|packaged|packed|stitched|constructed|finished|"
                    + "manufactured",
                "@food {was|is|were|are|arrived|came|tasted|tastes|served|completely|totally|stone|luke|absolutely|"
                    + "really|so|very|all|still|literally|was stone|was completely|came out||} @badfood|@badfoodafter",
                "@badfood @food",
                "{found|there was|there's|there were|there is|had|got|contained|contains|with} "
                    + "{a|an|some|two|several|#num||} hair|hairs|bug|bugs|fly|flies|insect|insects|cockroach|"
                    + "cockroaches|mould|mold|plastic|glass|slug|maggot|maggots|worm|worms|rat|rats|mouse|mice|"
                    + "droppings|stone|metal|fingernail|plaster|blood {in|on|inside} my|the|our|it",
                "{tastes|tasted|smells|smelled|smelt|smelling|tasting} off|funny|weird|strange|bad|awful|horrible|"
                    + "disgusting|rotten|sour|rancid|musty|damp|mouldy|moldy|{like bleach|like chemicals|like smoke|"
                    + "of smoke|of damp|like sewage|of sewage|like feet|of feet}",
                "@network {is|was|keeps|has been|been|went|goes|keeps going|is always|always|constantly|still|"
                    + "is still|is constantly||} down|dropping|slow|patchy|useless|rubbish|terrible|awful|intermittent|"
                    + "shocking|out|off|dead|unusable|appalling|dreadful|unreliable|{cutting out|non existent|"
                    + "dropping out|going down|keeps dropping}",
                "{can't|cannot|couldn't|could not|unable to} connect to {the|your||} @network",
                "@facility {is|was|are|were|has been|still|just|keeps|isn't|wasn't|doesn't||} broken|leaking|blocked|"
                    + "off|dead|stuck|useless|filthy|dirty|noisy|loud|{out of order|not working}",
                "@dirty @place",
                "@place {was|is|were|are|absolutely|completely|totally|really|so|very|was absolutely|was so|"
                    + "was really|was very|were very|were so|is so||} @dirty|@badplace",
                "wrong item|items|size|colour|color|product|order|meal|food|parcel|thing|model|part|book|dish|drink|"
                    + "drinks|burger|pizza|coffee|version|style|shoes|one|sizes|colours|colors|products|order",
                "{sent|gave|given|received|delivered|got|brought|served} {me|us||} {the|a||} wrong",
                "missing ingredients|toppings|sauce|fries|chips|drinks|side|sides|cutlery|napkins|dip|dips",
                "mouldy|moldy|stale|rotten|{out of date|past its best|gone off|past the use by}",
                "milk|food|bread|yoghurt|yogurt|meat|chicken|sandwich|cheese|juice|eggs|fruit|salad|ham {is|was|were|"
                    + "are|had|has|already||} expired|off|{gone off}",
                "no wifi|internet|signal|{hot water}|heating|aircon|{air con}|{air conditioning}|power|electricity|"
                    + "water|{toilet paper}|towels|soap",
                "{someone else's|somebody else's|the wrong person's} order|parcel|package|item|items|shopping|bag|"
                    + "luggage|suitcase|delivery|food|meal",
                "{battery|batteries} {dies|died|drains|drained|draining|dead|swollen|doesn't last|does not last|"
                    + "won't hold|only lasts|barely lasts|won't charge|not charging|won't hold charge}",
            ])
        + ComplaintRule.generic(
            .productQuality, .subject, negatable: true,
            [
                "{stopped|stops|stop|stopping|quit|quits} working",
                "not|{still not} working|charging|heating|cooling|flushing|locking|starting|connecting|functioning|"
                    + "booting|loading|closing|printing|draining|pairing|syncing|{working properly|as described|"
                    + "as advertised|fit for purpose}",
                "{doesn't|does not|didn't|did not|won't|will not|isn't|is not|wasn't|still not|never|don't|"
                    + "do not|aren't|weren't|still doesn't|still isn't|still won't} work|working|worked|"
                    + "{turn on|switch on|power on|work properly|working properly|as described|as advertised|"
                    + "as expected|as pictured|match the description|fit for purpose|hold charge}|charge|charging|"
                    + "fit|fits|heat|heating|cool|cooling|flush|flushing|lock|locking|start|starting|connect|"
                    + "connecting|function|functioning|boot|booting|load|loading|open|close|closing|print|printing|"
                    + "drain|draining|spin|pair|pairing|sync|syncing|last|lasted|fit",
                "{keeps|kept|keep|constantly|always|continuously|randomly} crashing|freezing|glitching|restarting|"
                    + "rebooting|dropping|disconnecting|buffering|lagging|breaking|failing|overheating|beeping|"
                    + "leaking|tripping|jamming|dying|{turning off|switching off|shutting down|cutting out|"
                    + "logging me out|kicking me out|losing connection|losing signal}",
            ])

    static let otherCues: [ComplaintRule] =
        ComplaintRule.generic(
            .other, .subject,
            [
                "yet again",
                "{same|exact same|same old} problem|issue|issues|problems|excuse|excuses|mistake|story|nonsense|"
                    + "rubbish|error|fault|response|reply|answer|runaround",
                "{happened|happening|happens|happen} again",
                "{here we go|not this|this} again",
                "{over and over|time and time again|time after time|every single time|"
                    + "every bloody time|every damn time|every time without fail}",
                "{@nth|#nth} time {this|in|that|today|now|running|you|they|my|our|it|it's|we've|i've|this week|"
                    + "this month|this year|in a row|in two|in three|in 2|in 3}",
                "{not|never|isn't|wasn't|still not|hasn't been|has not been|haven't been|weren't|aren't|not yet|"
                    + "yet to be|never been|hasn't|haven't|not been|never got} resolved|fixed|sorted|solved|"
                    + "addressed|rectified|repaired|replaced|investigated|actioned|escalated|processed|approved|"
                    + "honoured|honored|acknowledged|{sorted out|dealt with|looked at|looked into}",
                "{sort|fix|resolve} {this|it|it out|this out|your act|yourselves|yourself|your service|your app|"
                    + "your website|your system|things|this mess|your mess|the problem|the issue|my issue|my problem}",
                "{get your act together|sort yourselves out|sort your life out|up your game|sort your act out|"
                    + "buck your ideas up|you need to do better|you have to do better|you must do better|"
                    + "you should do better|you can do better|need to do better|please do better}",
                "do better $",
                "{this is|it's|that's|what|such|absolute|complete|total|utter|bloody|an absolute|a complete|"
                    + "a total|an utter|is a|was a|are a|beyond a|a bit of a|is an|an absolute} joke|farce|shambles|"
                    + "disgrace|circus|con|scam|ripoff|{rip off|piss take|clown show}",
                "{thanks|thank you|cheers|ta} {for nothing|a lot for nothing|for wasting|for ruining|for the wait|"
                    + "for the delay|for the delays|for losing|for cancelling|for nothing at all|for the runaround|"
                    + "for the run around|again for nothing|very much for nothing|for absolutely nothing|"
                    + "for being useless|for the lack|for not|for never|for ignoring|for making me wait}",
                "never again",
                "{never|not|won't|wont|will not|wouldn't|would not|not going to|not gonna|refuse to|done|won't be|"
                    + "will never|will not be|never be} using|flying|booking|ordering|shopping|buying|staying|eating|"
                    + "travelling|traveling|use|fly|book|order|shop|buy|stay|eat|travel|recommend|recommending|"
                    + "dealing|deal|return|returning|{coming back|come back|go back|going back} "
                    + "{with|from|at|by|to|again|you|your|them|this|that|these|those|here|there|ever|u|ur}",
                "{complete|total|utter|absolute|such a|a complete|a total|a|an absolute|what a} waste of "
                    + "{my|our|your||} time|money|day|morning|afternoon|evening|weekend|holiday|life|effort",
                "{wasted|wasting} {my|our|a|the|an|so much|hours of|days of|the whole|the entire||} ..1 time|money|"
                    + "day|morning|afternoon|evening|weekend|holiday|life|hours|{day off}",
                "{want|wants|demand|demanding|need|needs|asked|asking|requested|request|insist|insisted} {to||} "
                    + "speak|talk {to|with} {a|the|your|someone|somebody||} manager|supervisor|senior|complaints|"
                    + "{head office|someone senior|somebody senior|someone in charge|somebody in charge}",
                "{want|need|demand|deserve|expect|owed|owe me|owe us} {an|a|some|proper|full|a proper||} "
                    + "explanation|answer|answers|apology",
                "{what's|what is|what the hell is|what on earth is|wtf is|whats} {going on|happening} "
                    + "with|here|today|now",
                "{what's|what is|what the hell is|what on earth is|wtf is|whats} {going on|happening} $",
                "{what's|what is|what the hell is|what on earth is|wtf is|whats} {the hold up|the holdup|the delay|"
                    + "the problem|the issue|the deal with}",
                "{make a|making a|file a|filing a|raise a|raising a|lodge a|lodging a|log a|submit a|official|formal|"
                    + "written} complaint",
                "ombudsman|chargeback|{trading standards|small claims|charge back|citizens advice|legal action|"
                    + "take this further|taking this further|take it further}",
                "{are you|r u|you|are u|you're|youre} {kidding|joking|serious|having a laugh|taking the piss|"
                    + "for real|having a giraffe|pulling my leg}",
                "{not good enough|not acceptable|beyond a joke|out of order|diabolical|shambolic|laughable|"
                    + "fed up|lost a customer|losing a customer|losing customers|had enough of you|"
                    + "had enough of your|had enough of this}",
                "{this is|that is|that's|it's|its|just|so} not on",
            ])
        + ComplaintRule.generic(
            .other, .subject, negatable: true,
            [
                "complain|complaining|complained|complaint",
                "{let down|let me down|let us down|letting me down|letting us down|been let down|feel let down}",
                "{problem|problems|issue|issues|trouble|troubles|difficulty|difficulties|nightmare|fiasco|shambles|"
                    + "chaos|mess|hassle|headache|ordeal|fault|faults|glitch|glitches|bug|bugs} with|logging|getting|"
                    + "accessing|booking|paying|using|connecting|checking|signing|ordering|trying|again|every|since",
                "{another|ongoing|constant|recurring|persistent|continuing|major|serious|huge|big|real|the same} "
                    + "problem|issue|issues|problems|fault|glitch|bug|error|nightmare",
            ])
        + ComplaintRule.generic(
            .other, .awaited,
            [
                "still {not|no|nothing|haven't|hasn't|isn't|doesn't|can't|cannot|won't|didn't|unresolved|broken|"
                    + "down|delayed|missing|stuck|having|getting|being|unable|aren't|wasn't|weren't|nobody|none|zero|"
                    + "nada|pending|outstanding|unpaid|unanswered|ongoing|faulty|wrong|{no one|not a|an issue|"
                    + "a problem|the same}}",
                "^ {why|how come|why the hell|why on earth} ..6 not|no|never|nothing|nobody|still|again|keep|keeps|"
                    + "kept|longer|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|haven't|hasn't|hadn't|won't|"
                    + "wouldn't|can't|cannot|couldn't|{no one}",
                "^ why {do|does|must|should|would} {i|we} {have to|need to|always|keep|constantly}",
            ])
}
