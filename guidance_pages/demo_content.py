"""English demo content: a home page, four standard pages and two guides.

This module is pure data. A loader turns it into Wagtail pages. Stream blocks use
Wagtail's raw StreamField form: {"type": NAME, "value": VALUE}. Image, media and
document values name an asset; "related_links" name a chapter as
"GUIDE_SLUG/CHAPTER_SLUG". The loader resolves both. Lists (checklist items, steps,
links) are written as plain lists here; the loader gives each item the id that Wagtail's
current list format needs, without which wagtail-localize would skip them.
"""

from __future__ import annotations

HOME = {
    "title": "Guidance made with people who know",
    "intro": (
        "<p>This is practical guidance for charities that support refugees and people seeking asylum. "
        "We wrote it together with <b>Experts by Experience</b>: people who have been through the asylum system themselves. "
        "They told us what works, what hurts and what makes a real difference.</p>"
        "<p>Each guide is split into short chapters. "
        "Read a chapter on your phone in a few minutes, or print it for your team. "
        "Start with the guide that fits what you need now:</p>"
        "<ul>"
        "<li>bringing people with lived experience onto your board</li>"
        "<li>running a group where people with lived experience shape your work</li>"
        "</ul>"
    ),
}

GUIDE_INDEX = {
    "title": "Guides",
    "slug": "guides",
    "intro": (
        "<p>Our guides help small charities share power with people who have lived experience of seeking asylum. "
        "Each guide has a short summary, key points and chapters you can read in any order.</p>"
    ),
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About this site",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>This site shares guidance for charities that support refugees and people seeking asylum. "
                    "It is for staff, volunteers and trustees, especially in small charities with little time.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Who made this guidance", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>We made this guidance with a group of Experts by Experience. "
                    "They are people with lived experience of seeking asylum in the UK. "
                    "They chose the topics, shared what they learned and checked every chapter.</p>"
                    "<p>Charity staff and trustees added practical detail. "
                    "Everyone who took part had their costs paid and was thanked in a way that was safe for them.</p>"
                ),
            },
            {
                "type": "key_point",
                "value": {
                    "style": "key_point",
                    "text": "Nothing here is legal advice. Rules about immigration and benefits change, so always check current rules or get advice.",
                },
            },
            {"type": "heading", "value": {"text": "How we write", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Many readers use English as a second language. "
                    "Many read on a phone with little data. So we:</p>"
                    "<ul>"
                    "<li>use short sentences and common words</li>"
                    "<li>keep pages small, so they load quickly</li>"
                    "<li>give a written transcript for every audio or video</li>"
                    "<li>use respectful words, chosen by the people they describe</li>"
                    "</ul>"
                ),
            },
            {"type": "heading", "value": {"text": "Using this guidance", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>You are welcome to use and share this guidance in your own work. "
                    "Please change it to fit your charity and the people you work with. "
                    "If you change it, say so, and keep the credit to the Experts by Experience.</p>"
                ),
            },
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>We know that privacy matters a lot to people in the asylum system. "
                    "We built this site so that it keeps no personal data about you.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "What we do not collect", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>You do not need an account to read this site. We do not ask for your name or email address. "
                    "We do not use advertising or tracking cookies. "
                    "We do not use tools that follow you from site to site.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Feedback is anonymous", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>At the end of a page, you can tell us if it was useful. "
                    "We keep your answer and any comment you write, but nothing that shows who you are. "
                    "We use feedback only to make the guidance better.</p>"
                ),
            },
            {
                "type": "key_point",
                "value": {
                    "style": "tip",
                    "text": "Please do not write your name, address or case details in a comment. We do not need them to improve a page.",
                },
            },
            {"type": "heading", "value": {"text": "Technical records", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Like most websites, our web host may keep short technical records to keep the site safe. "
                    "We do not use these records to find out who you are. "
                    "If you have a question about privacy, please contact us.</p>"
                ),
            },
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>We want everyone to be able to use this site. "
                    "That includes people who use a screen reader, people who cannot use a mouse, "
                    "and people on old phones with slow connections.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Our aim", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. "
                    "This is the standard that most public sector websites in the UK follow.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "What you can do on this site", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<ul>"
                    "<li>Read every page without JavaScript.</li>"
                    "<li>Make the text bigger, up to 400%, without losing content.</li>"
                    "<li>Move around the site using only a keyboard.</li>"
                    "<li>Use a screen reader to hear every page.</li>"
                    "<li>Read pages in right-to-left languages, such as Arabic and Farsi, in the right direction.</li>"
                    "<li>Read a written transcript of every audio and video.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "key_point",
                "value": {
                    "style": "tip",
                    "text": "Every page works on a small screen and loads with little data. You can also print any chapter.",
                },
            },
            {"type": "heading", "value": {"text": "Report a problem", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>If something on this site is hard to use, please tell us. "
                    "Email <b>hello@example.org</b> and say which page you were on and what went wrong. "
                    "You can write in any language. We will reply within 10 working days.</p>"
                ),
            },
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>We would love to hear from you. "
                    "Tell us how you use this guidance, what is missing, or what we could say more clearly.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Email us", "level": "h2"}},
            {
                "type": "paragraph",
                "value": ("<p>Email <b>hello@example.org</b>. We read every message and try to reply within 10 working days.</p>"),
            },
            {
                "type": "key_point",
                "value": {
                    "style": "key_point",
                    "text": "We cannot give advice about a person's own asylum case. For that, please speak to a qualified immigration adviser.",
                },
            },
            {"type": "heading", "value": {"text": "Take part", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Do you have lived experience of seeking asylum? "
                    "Would you like to help shape future guides? "
                    "Email us and we will tell you more. "
                    "We always pay people's costs, and we check what is safe for each person.</p>"
                ),
            },
        ],
    },
]

GUIDES = [
    # ------------------------------------------------------------------
    # Guide 1: trustees
    # ------------------------------------------------------------------
    {
        "slug": "recruiting-trustees-with-lived-experience",
        "title": "Recruiting trustees with lived experience",
        "summary": (
            "How to bring people with lived experience of seeking asylum onto your board. "
            "Get ready, find and invite candidates, and support them well in their first months."
        ),
        "audience": ("For chairs, trustees and senior staff of small charities that support refugees and people seeking asylum."),
        "key_points": [
            "People with lived experience make better decisions about services they know from the inside.",
            "Get your board ready first: clear words, accessible meetings and expenses paid quickly.",
            "Trustee roles are unpaid volunteering, so never pay more than real expenses.",
            "Use a short role description and an informal chat, not a long application form.",
            "Give every new trustee a buddy and check in often during the first months.",
        ],
        "chapters": [
            {
                "slug": "why-lived-experience-matters",
                "title": "Why lived experience on the board matters",
                "summary": (
                    "Trustees make the big decisions in a charity. "
                    "People who have been through the asylum system bring knowledge that no one else on the board has."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Your trustees decide what your charity does and how it spends its money. "
                            "If nobody on the board has been through the asylum system, the board is missing something important. "
                            "It is making decisions about lives it only knows from the outside.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "What lived experience brings", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Trustees with lived experience can:</p>"
                            "<ul>"
                            "<li>see quickly when a plan will not work for the people it is meant to help</li>"
                            "<li>notice words, forms or rules that put people off</li>"
                            "<li>build trust with the communities you serve</li>"
                            "<li>ask questions that other trustees do not think to ask</li>"
                            "<li>show people using your services that leaders can look like them</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "In my first meeting, they were planning a new drop-in at nine in the morning. "
                                "I said that most people would still be travelling by bus. "
                                "They changed the time, and twice as many people came."
                            ),
                            "attribution": "Samuel, trustee",
                            "anonymous": False,
                        },
                    },
                    {"type": "heading", "value": {"text": "What the rules say", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>In England and Wales, the Charity Commission sets out what trustees must do. "
                            "Trustees are responsible for the charity together. "
                            "You do not need a degree or board experience to be a trustee. "
                            "You need good judgement, care for the charity and time to take part.</p>"
                            "<p>Trustees are usually unpaid. "
                            "But the charity should always pay back the costs of being a trustee, such as travel.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": (
                                "Being a trustee is volunteering. People seeking asylum may have limits on work, "
                                "so check current Home Office rules and never pay more than real expenses."
                            ),
                        },
                    },
                    {"type": "heading", "value": {"text": "Questions boards often ask", "level": "h2"}},
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "Do we have to change how we work?",
                            "answer": (
                                "<p>Probably, yes, and that is a good thing. "
                                "Clearer papers and better meetings help every trustee, not only new ones. "
                                "The next chapter explains what to change.</p>"
                            ),
                        },
                    },
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "Is one trustee with lived experience enough?",
                            "answer": (
                                "<p>It is a start, but it can be lonely. "
                                "One person can feel they must speak for everyone. "
                                "Aim for at least two, so they can support each other and share the load.</p>"
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "getting-your-board-ready",
                "title": "Getting your board ready",
                "summary": (
                    "Before you recruit, look at how your board works. "
                    "Check your culture, how you pay expenses, the words you use and how you run meetings."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Many boards recruit first and think later. "
                            "Then a new trustee arrives, feels lost and leaves after a few meetings. "
                            "A little work before you recruit makes a big difference.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Look at your board culture", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Ask yourselves some honest questions. "
                            "Do a few people do most of the talking? "
                            "Are decisions really made before the meeting, in private conversations? "
                            "Do people feel safe to disagree?</p>"
                            "<p>Agree as a board why you want trustees with lived experience. "
                            "Everyone should support the change, not only the chair.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "value": {
                            "asset": "board-table",
                            "alt_text": "A board meeting. A chairperson sits at the end of a long table and trustees sit along both sides.",
                            "decorative": False,
                            "caption": "A good chair makes sure every trustee gets a chance to speak.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Pay expenses properly", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Someone living on very little money cannot wait weeks to get their bus fare back. "
                            "Pay expenses on the day if you can, in the way that suits the person. "
                            "Cover travel, childcare, phone data and food during long meetings.</p>"
                            "<p>Write an expenses policy that says this clearly. "
                            "Then new trustees do not have to ask.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": (
                                "Only pay back real costs. Extra money could put a person's asylum support or case at risk. "
                                "Check current Home Office rules and get advice if you are unsure."
                            ),
                        },
                    },
                    {"type": "heading", "value": {"text": "Cut the jargon", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Board papers are often full of short forms and technical words. "
                            "Words like <i>restricted funds</i> or <i>quorum</i> shut people out. "
                            "Write papers in plain English and keep a short list of common words with their meaning. "
                            "Send papers at least a week before the meeting, so people have time to read and translate them.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Make meetings accessible", "level": "h2"}},
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Before you recruit",
                            "items": [
                                "The whole board agrees why you want trustees with lived experience",
                                "You have an expenses policy that pays costs quickly",
                                "Board papers are in plain English, with a list of common words",
                                "Meetings are at times and places that work for people with little money",
                                "People can join online, with data or a device paid for if needed",
                                "You can book an interpreter if a trustee wants one",
                                "The chair knows how to invite quieter people to speak",
                            ],
                        },
                    },
                    {
                        "type": "related_links",
                        "value": {
                            "title": "Related",
                            "links": [
                                {
                                    "chapter": "running-an-experts-by-experience-user-group/paying-people-fairly-and-safely",
                                    "text": "Paying people fairly and safely",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "finding-and-inviting-candidates",
                "title": "Finding and inviting candidates",
                "summary": (
                    "Where to look for trustees with lived experience and how to describe the role. "
                    "Why an informal chat works better than a long form."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>The right people may already know your charity. "
                            "They may be volunteers, group members or people who used your services in the past. "
                            "Others will hear about you through friends and community groups.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Where to find candidates", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Share the role in places people already trust:</p>"
                            "<ul>"
                            "<li>your own user group or Experts by Experience group</li>"
                            "<li>community, faith and women's groups</li>"
                            "<li>refugee-led organisations near you</li>"
                            "<li>English classes and colleges</li>"
                            "<li>WhatsApp groups, with permission from the people who run them</li>"
                            "</ul>"
                            "<p>Ask people with lived experience to share it too. "
                            "A message from someone they know means more than a poster.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "tip",
                            "text": "Record a short voice note about the role. Many people find it easier to listen than to read a long advert.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Write a clear role description", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Keep the role description to one or two pages. "
                            "Say what a trustee does, how much time it takes and what support you give. "
                            "Say clearly that the role is unpaid, and that you pay all costs. "
                            "Do not ask for board experience or qualifications you do not really need.</p>"
                        ),
                    },
                    {
                        "type": "document",
                        "value": {
                            "asset": "role-description",
                            "title": "Trustee role description template",
                            "description": "A plain-English template you can change to fit your charity.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Have a chat, not an interview", "level": "h2"}},
                    {
                        "type": "steps",
                        "value": {
                            "title": "How to invite someone",
                            "steps": [
                                {
                                    "title": "Offer an informal chat",
                                    "text": "Meet somewhere relaxed, with a current trustee. Say clearly that this is not an interview.",
                                },
                                {
                                    "title": "Talk about the role",
                                    "text": "Explain what trustees do and listen to what the person wants to bring. Answer every question honestly.",
                                },
                                {
                                    "title": "Invite them to a board meeting",
                                    "text": "Let them watch a meeting before they decide. Pay their travel as you would for any trustee.",
                                },
                                {
                                    "title": "Keep the paperwork short",
                                    "text": "Use a short form, or fill it in together. Only ask for what the law or your rules need.",
                                },
                                {
                                    "title": "Do the checks together",
                                    "text": "Every trustee must confirm they can legally be a trustee. Explain why you ask and help with the forms.",
                                },
                            ],
                        },
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "Other charities sent me a form with twelve pages. This one invited me for tea. That is why I said yes."
                            ),
                            "attribution": "",
                            "anonymous": True,
                        },
                    },
                ],
            },
            {
                "slug": "the-first-months",
                "title": "The first months",
                "summary": (
                    "The first months decide whether a new trustee stays. "
                    "Plan a warm induction, give them a buddy and check regularly how it is going."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Joining a board is hard for anyone. "
                            "It can be harder if English is not your first language, or if you have been treated badly by systems before. "
                            "A good start helps new trustees feel they belong.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "A good induction", "level": "h2"}},
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Induction checklist",
                            "items": [
                                "Meet the chair and the lead member of staff",
                                "Visit your services and meet the team",
                                "Go through the main papers together, not just by email",
                                "Explain how the money works, in plain words",
                                "Explain how to claim expenses, and pay the first claim quickly",
                                "Share the list of common words",
                                "Agree how the trustee wants to get papers: by email, printed or by phone",
                            ],
                        },
                    },
                    {"type": "heading", "value": {"text": "Find a buddy", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Ask an experienced trustee to be a buddy for the first six months. "
                            "A buddy is not a teacher or a boss. "
                            "They are a friendly person to ask the questions people feel shy about in meetings.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "What a buddy does", "level": "h3"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<ul>"
                            "<li>Calls before each meeting to talk through the papers</li>"
                            "<li>Sits nearby in meetings, if the new trustee wants that</li>"
                            "<li>Calls after the meeting to ask how it felt</li>"
                            "<li>Explains things without making the person feel slow</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "My buddy phoned me the night before every meeting. "
                                "We read the finance report together. "
                                "After a few months, I was the one asking the hard questions."
                            ),
                            "attribution": "Grace, trustee",
                            "anonymous": False,
                        },
                    },
                    {"type": "heading", "value": {"text": "Review how it is going", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>After three months, the chair should meet the new trustee one to one. "
                            "Ask simple questions:</p>"
                            "<ul>"
                            "<li>What is going well?</li>"
                            "<li>What is hard or confusing?</li>"
                            "<li>Do you feel listened to in meetings?</li>"
                            "<li>What should we change?</li>"
                            "</ul>"
                            "<p>Then act on what you hear, and say what you changed.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "tip",
                            "text": "Ask every trustee the same review questions. Then nobody feels singled out, and the whole board improves.",
                        },
                    },
                ],
            },
            {
                "slug": "avoiding-tokenism-and-supporting-wellbeing",
                "title": "Avoiding tokenism and supporting wellbeing",
                "summary": (
                    "Make sure trustees with lived experience have real power, not just a seat. "
                    "Look after their wellbeing without treating them differently."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Tokenism means inviting someone to look inclusive, without giving them real power. "
                            "People notice it quickly. "
                            "It wastes their time and damages trust in your charity.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Signs of tokenism", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Watch out for these signs:</p>"
                            "<ul>"
                            "<li>The trustee is only asked about asylum, never about money or strategy.</li>"
                            "<li>Their photo is used in reports, but their ideas are not.</li>"
                            "<li>Big decisions are made before they join the meeting.</li>"
                            "<li>They are asked to tell their personal story at events.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": ("I am not on the board to tell my story. I am there to help run the charity, like everyone else."),
                            "attribution": "",
                            "anonymous": True,
                        },
                    },
                    {"type": "heading", "value": {"text": "Safeguarding and wellbeing", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Board discussions can touch on painful subjects, such as detention or removals. "
                            "Tell trustees what is on the agenda in advance. "
                            "Let anyone step out of a discussion without giving a reason.</p>"
                            "<p>Your safeguarding policy protects trustees too. "
                            "Make sure every trustee knows who to talk to if something worries them.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": "Never share a trustee's immigration status or personal story without their clear permission. This includes in reports and funding bids.",
                        },
                    },
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "What if a trustee has to move to another town?",
                            "answer": (
                                "<p>People on asylum support can be moved at short notice. "
                                "Let them join meetings online, and pay for data if needed. "
                                "Agree together if they want to stay on the board. "
                                "The choice is theirs.</p>"
                            ),
                        },
                    },
                    {"type": "heading", "value": {"text": "Keep listening", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Once a year, ask the whole board how well you share power. "
                            "Ask trustees with lived experience first, and give them time to answer in private if they prefer.</p>"
                        ),
                    },
                    {
                        "type": "related_links",
                        "value": {
                            "title": "Related",
                            "links": [
                                {
                                    "chapter": "running-an-experts-by-experience-user-group/wellbeing-and-safe-spaces",
                                    "text": "Wellbeing and safe spaces",
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # Guide 2: user group
    # ------------------------------------------------------------------
    {
        "slug": "running-an-experts-by-experience-user-group",
        "title": "Running an Experts by Experience user group",
        "summary": (
            "How to set up and run a group where people with lived experience of seeking asylum shape your work. "
            "Includes paying people safely and showing what changed."
        ),
        "audience": ("For staff and volunteers who run, or want to start, a group for people with lived experience in a small charity."),
        "key_points": [
            "Agree a clear purpose with the group before you start.",
            "Remove the costs of taking part: pay travel, provide childcare and share food.",
            "Check current Home Office rules before you offer any payment or voucher.",
            "Always tell the group what changed because of what they said.",
            "Never ask people to retell their story, and respect the right to pass.",
        ],
        "chapters": [
            {
                "slug": "setting-up-the-group",
                "title": "Setting up the group",
                "summary": ("Agree what the group is for, who can join and where it meets. A clear start saves a lot of confusion later."),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>An Experts by Experience group brings together people with lived experience of seeking asylum. "
                            "They give advice on your services, your materials and your plans. "
                            "Done well, the group changes how your whole charity works.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Agree the purpose", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Write the purpose in one or two sentences. "
                            "For example: <i>We help the charity make its services easier to use and more welcoming.</i> "
                            "Agree the purpose with the first members, and review it every year.</p>"
                            "<p>Be honest about what the group can and cannot change. "
                            "If the board has the final say, tell the group that from the start.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": "A group without real influence will not last. Only ask for views on things you are truly willing to change.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Who to invite", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Invite people who use or have used your services. "
                            "Try to include different ages, genders, languages and stages of the asylum process. "
                            "Six to ten members is a good size. "
                            "It is small enough for everyone to speak.</p>"
                            "<p>Some people are in a crisis right now. "
                            "Joining the group later, when life is calmer, may be better for them.</p>"
                        ),
                    },
                    {
                        "type": "image",
                        "value": {
                            "asset": "group-meeting",
                            "alt_text": "Seven people sit round a table, talking. There are papers, pens and cups on the table.",
                            "decorative": False,
                            "caption": "A small group lets everyone have a say.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Where and when to meet", "level": "h2"}},
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Choosing a venue",
                            "items": [
                                "Easy to reach by bus or on foot",
                                "Not connected to the Home Office, the police or a reporting centre",
                                "Step-free, with accessible toilets",
                                "A quiet room where people cannot be overheard",
                                "Space for children nearby, if you offer childcare",
                                "Meeting times that avoid school runs and prayer times",
                            ],
                        },
                    },
                    {
                        "type": "media",
                        "value": {
                            "asset": "welcome-message",
                            "title": "A welcome message from the EBE group",
                            "transcript": (
                                "Hello, and welcome. "
                                "We are the Experts by Experience group. "
                                "All of us have been through the asylum system, so we know how it feels. "
                                "When you come to our group, you do not have to tell your story. "
                                "We talk about how to make the charity better for the next person. "
                                "There is always tea, and your travel is paid. "
                                "We hope to see you soon."
                            ),
                        },
                    },
                ],
            },
            {
                "slug": "running-a-meeting",
                "title": "Running a meeting",
                "summary": (
                    "Good meetings feel safe, warm and useful. Agree ground rules, book interpreters, and remove the costs of taking part."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>A good meeting does not happen by chance. "
                            "Most of the work happens before people arrive. "
                            "Plan the practical things, so everyone can focus on the conversation.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Ground rules", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Agree ground rules with the group at the first meeting. "
                            "Write them on a large sheet and bring it every time. "
                            "Common ground rules are:</p>"
                            "<ul>"
                            "<li>What is said in the room stays in the room.</li>"
                            "<li>One person speaks at a time.</li>"
                            "<li>Everyone can pass, without saying why.</li>"
                            "<li>We disagree with ideas, not people.</li>"
                            "<li>Phones on silent, unless you are waiting for an important call.</li>"
                            "</ul>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Interpreters", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Ask members which language they prefer before each meeting. "
                            "Use trained interpreters, not family members or children. "
                            "Brief the interpreter before the meeting about the topic and the ground rules. "
                            "Leave extra time, because interpreting makes every meeting longer.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "tip",
                            "text": "Some people do not want an interpreter from their own community. Ask in private, and respect their choice.",
                        },
                    },
                    {"type": "heading", "value": {"text": "Travel, childcare and food", "level": "h2"}},
                    {
                        "type": "checklist",
                        "value": {
                            "title": "Before each meeting",
                            "items": [
                                "Send the agenda in plain English, and by voice note if people prefer",
                                "Book interpreters and brief them",
                                "Arrange bus tickets or a way to pay travel costs on the day",
                                "Book childcare, or a safe play space with trusted staff",
                                "Order food that meets people's needs, such as halal or vegetarian",
                                "Print name cards and large-print copies of any papers",
                                "Plan a quiet space for anyone who needs a break",
                            ],
                        },
                    },
                    {
                        "type": "image",
                        "value": {
                            "asset": "welcome-cards",
                            "alt_text": "",
                            "decorative": True,
                            "caption": "",
                        },
                    },
                    {
                        "type": "document",
                        "value": {
                            "asset": "meeting-agenda",
                            "title": "User group meeting agenda template",
                            "description": "A simple agenda you can copy and change for each meeting.",
                        },
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "The first time, I came only because they said there was childcare. Now I come because I know they listen."
                            ),
                            "attribution": "Amira, EBE group member",
                            "anonymous": False,
                        },
                    },
                ],
            },
            {
                "slug": "paying-people-fairly-and-safely",
                "title": "Paying people fairly and safely",
                "summary": (
                    "People should never be out of pocket for helping you. "
                    "But some payments can put a person's support or case at risk, so take care and get advice."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Experts by Experience give you their time, knowledge and energy. "
                            "It is fair to value that. "
                            "But people seeking asylum often face limits on work and income. "
                            "A well-meant payment can cause real harm.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Expenses and payments are different", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p><b>Expenses</b> pay back money a person has spent to take part, such as a bus fare. "
                            "They leave the person no better off.</p>"
                            "<p><b>Payments</b> reward a person for their time. "
                            "They might be cash, a fee or something worth money. "
                            "For some people, this can count as income or as work.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": (
                                "People seeking asylum may not be allowed to work, and extra income can affect asylum support. "
                                "Check current Home Office rules and get advice before offering anything beyond expenses."
                            ),
                        },
                    },
                    {"type": "heading", "value": {"text": "Vouchers", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Many charities give shop vouchers to say thank you. "
                            "Vouchers can still count as payment, so do not assume they are always safe. "
                            "The rules can also be different for each person. "
                            "Someone with refugee status may have different rules from someone still waiting for a decision.</p>"
                        ),
                    },
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "Can we give a gift voucher to thank people?",
                            "answer": (
                                "<p>Maybe, but check first. "
                                "Look at current Home Office rules and ask an adviser. "
                                "Explain the possible risks to each person, and let them choose. "
                                "Always offer a way to take part that involves only expenses.</p>"
                            ),
                        },
                    },
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "Some members have refugee status. Can we pay them for their time?",
                            "answer": (
                                "<p>People with refugee status can usually work. "
                                "But payments may affect benefits, so they may still want advice. "
                                "Be open about what you pay and why. "
                                "Members may feel it is unfair if people are treated differently without explanation.</p>"
                            ),
                        },
                    },
                    {"type": "heading", "value": {"text": "Pay expenses safely", "level": "h2"}},
                    {
                        "type": "steps",
                        "value": {
                            "title": "How to pay expenses",
                            "steps": [
                                {
                                    "title": "Write a clear policy",
                                    "text": "List what you pay for, such as travel, childcare and phone data. Share it with the group in plain words.",
                                },
                                {
                                    "title": "Pay on the day",
                                    "text": "Give bus tickets or pay costs back at the meeting. People with little money cannot wait.",
                                },
                                {
                                    "title": "Keep simple records",
                                    "text": "Note what you paid and what it was for. Do not ask for more personal details than you need.",
                                },
                                {
                                    "title": "Review the rules each year",
                                    "text": "Rules change. Check current Home Office rules again, and update your policy if needed.",
                                },
                            ],
                        },
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "A charity once gave me cash to say thank you. "
                                "I was scared for weeks that I had broken the rules. "
                                "Please ask first, and explain."
                            ),
                            "attribution": "",
                            "anonymous": True,
                        },
                    },
                ],
            },
            {
                "slug": "closing-the-loop",
                "title": "Closing the loop",
                "summary": (
                    "People need to see that their ideas lead to change. "
                    "Tell the group what you did with their advice, even when the answer is no."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Closing the loop means going back to people and telling them what happened to their ideas. "
                            "It is the part that charities forget most often. "
                            "It is also the part that keeps a group alive.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Why closing the loop matters", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Many people seeking asylum have spent years waiting for answers. "
                            "Giving ideas and hearing nothing back can feel the same. "
                            "When people see change, they trust you and they keep coming.</p>"
                        ),
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "We told them the welcome letter was too long and scary. "
                                "At the next meeting, they showed us the new letter. "
                                "It was one page, and it had our words in it."
                            ),
                            "attribution": "Joseph, EBE group member",
                            "anonymous": False,
                        },
                    },
                    {"type": "heading", "value": {"text": "You said, we did", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>A <i>You said, we did</i> list is a simple way to show progress. "
                            "Keep it short and specific. For example:</p>"
                            "<ul>"
                            "<li><b>You said:</b> the drop-in starts too early. <b>We did:</b> we moved it to 11am.</li>"
                            "<li><b>You said:</b> the forms are hard to understand. <b>We did:</b> we rewrote them with the group.</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "steps",
                        "value": {
                            "title": "How to close the loop after each meeting",
                            "steps": [
                                {
                                    "title": "Write down each idea",
                                    "text": "Use the group's own words. Read the list back at the end of the meeting.",
                                },
                                {
                                    "title": "Take it to the right person",
                                    "text": "Share each idea with the manager or trustee who can act on it. Agree a date for an answer.",
                                },
                                {
                                    "title": "Report back at the next meeting",
                                    "text": "Start each meeting with updates. Say what changed, what is still in progress and what cannot happen.",
                                },
                                {
                                    "title": "Share the wider story",
                                    "text": "With the group's permission, share your You said, we did list with staff, trustees and funders.",
                                },
                            ],
                        },
                    },
                    {"type": "heading", "value": {"text": "When you cannot make a change", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Sometimes the answer is no, or not yet. "
                            "Say so clearly and explain why. "
                            "People respect an honest answer much more than silence.</p>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "tip",
                            "text": "Put a You said, we did poster on the wall where the group meets. Add to it after every meeting.",
                        },
                    },
                ],
            },
            {
                "slug": "wellbeing-and-safe-spaces",
                "title": "Wellbeing and safe spaces",
                "content_note": "This chapter talks about trauma and about people being asked to retell hard experiences.",
                "summary": (
                    "Many members have lived through trauma. "
                    "Work in a trauma-informed way, respect the right to pass, and never ask people to retell their story."
                ),
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Many people in your group have lived through war, loss or a hard journey. "
                            "The asylum process itself can cause stress and fear. "
                            "Your group should be a place where people feel safe and in control.</p>"
                        ),
                    },
                    {"type": "heading", "value": {"text": "Working in a trauma-informed way", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Being trauma-informed means thinking about how past experiences affect people today. "
                            "In practice, it means:</p>"
                            "<ul>"
                            "<li>telling people what will happen in each meeting, with no surprises</li>"
                            "<li>giving real choices about how to take part</li>"
                            "<li>being reliable: start on time and keep your promises</li>"
                            "<li>avoiding rooms or processes that feel like an interview or a court</li>"
                            "</ul>"
                        ),
                    },
                    {
                        "type": "key_point",
                        "value": {
                            "style": "key_point",
                            "text": "Never ask people to retell their story. The group is there for their knowledge and ideas, not their pain.",
                        },
                    },
                    {"type": "heading", "value": {"text": "The right to pass", "level": "h2"}},
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>Anyone can choose not to answer a question or join an activity. "
                            "They do not need to give a reason. "
                            "Say this at the start of every meeting, so nobody feels they must ask.</p>"
                            "<p>Some groups use a simple card. "
                            "A member puts it on the table when they want to pass or take a break.</p>"
                        ),
                    },
                    {
                        "type": "quote",
                        "value": {
                            "text": (
                                "In the Home Office interview, I had to answer everything. "
                                "Here, I can say pass. "
                                "That small word made me feel free."
                            ),
                            "attribution": "",
                            "anonymous": True,
                        },
                    },
                    {"type": "heading", "value": {"text": "If someone is upset", "level": "h2"}},
                    {
                        "type": "steps",
                        "value": {
                            "title": "What to do if someone becomes upset",
                            "steps": [
                                {
                                    "title": "Stay calm and kind",
                                    "text": "Offer a break. Do not ask what happened or why they are upset.",
                                },
                                {
                                    "title": "Offer a quiet space",
                                    "text": "Let a staff member they trust go with them, if they want company.",
                                },
                                {
                                    "title": "Check in before they leave",
                                    "text": "Ask if they are safe to get home, and if they want support from someone.",
                                },
                                {
                                    "title": "Follow up the next day",
                                    "text": "Send a short, friendly message or call. Follow your safeguarding policy if you are worried.",
                                },
                            ],
                        },
                    },
                    {
                        "type": "question_answer",
                        "value": {
                            "question": "Do we need a counsellor at every meeting?",
                            "answer": (
                                "<p>Not usually. "
                                "But staff who run the group should have basic training in trauma-informed work. "
                                "Keep a list of local support services to share if someone asks. "
                                "Staff need support too, so plan time for them to talk after hard meetings.</p>"
                            ),
                        },
                    },
                    {
                        "type": "related_links",
                        "value": {
                            "title": "Related",
                            "links": [
                                {
                                    "chapter": "recruiting-trustees-with-lived-experience/avoiding-tokenism-and-supporting-wellbeing",
                                    "text": "Avoiding tokenism and supporting wellbeing",
                                },
                                {
                                    "chapter": "running-an-experts-by-experience-user-group/running-a-meeting",
                                    "text": "Running a meeting",
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
]

DOCUMENTS = {
    "role-description": {
        "title": "Trustee role description template",
        "text": """TRUSTEE ROLE DESCRIPTION
[Charity name]

Change the words in square brackets to fit your charity.

ABOUT US
[Charity name] supports refugees and people seeking asylum in [town or area].
We want our board to include people with lived experience of the asylum system.

WHAT A TRUSTEE DOES
Trustees work together to make sure the charity is well run.
As a trustee, you will:
- help decide what the charity does and its plans for the future
- make sure the charity spends its money well and follows the law
- support and guide the staff team and the chief officer
- bring your own knowledge and ideas to board discussions
- speak up if something does not seem right

TIME
- [4 to 6] board meetings a year, each about [2 hours]
- Reading papers before each meeting, about [1 hour]
- Sometimes, an event or a small working group, only if you want to
Meetings are [in person at our office / online / both].

WHO WE ARE LOOKING FOR
You do not need a degree or experience of boards.
We are looking for people who:
- care about the rights and dignity of people seeking asylum
- are willing to listen, ask questions and share views
- can keep information confidential
- can give time to the role for at least [two] years

THE ROLE IS UNPAID
Being a trustee is volunteering. Trustees are not paid for their time.
We pay back all the costs of taking part, such as:
- travel to meetings
- childcare or care costs
- phone data for online meetings
- food if a meeting is long
We pay costs quickly, on the day if you wish.
People seeking asylum may have limits on work. We will never pay you more than your real costs.
If you are unsure how the role fits your situation, we can help you find advice.

SUPPORT WE GIVE YOU
- A welcome meeting with the chair and staff
- A buddy from the board for your first six months
- Papers in plain English, with a list of common words
- An interpreter if you want one
- A review after three months, to check how it is going

LEGAL CHECKS
By law, some people cannot be trustees.
We will ask you to sign a short form to confirm you can be a trustee.
We will explain the form and help you fill it in.

HOW TO FIND OUT MORE
Contact [name] on [email or phone number].
We will invite you for an informal chat. It is not an interview.
You are welcome to watch a board meeting before you decide.
""",
    },
    "meeting-agenda": {
        "title": "User group meeting agenda template",
        "text": """EXPERTS BY EXPERIENCE GROUP MEETING
[Charity name]

Date: [day and date]
Time: [start time] to [end time]
Place: [address, or online link]
Interpreters: [languages]
Childcare: [yes or no, and where]

BEFORE WE START
Travel costs are paid [at the start / at the end] of the meeting.
You can take a break or pass at any time. You do not need to say why.

AGENDA
1. Welcome, tea and food (15 minutes)
   Name cards, introductions and how everyone is today.
2. Ground rules (5 minutes)
   A quick reminder of the rules we agreed together.
3. You said, we did (15 minutes)
   What changed since the last meeting, and what is still in progress.
4. Main topic: [topic] (40 minutes)
   [Name of person] explains the topic. Then we share ideas in small groups.
5. Break (10 minutes)
6. Any other ideas or worries (15 minutes)
7. Next steps (10 minutes)
   We read back the ideas from today and agree who will act on them.
8. Close (5 minutes)
   Date of the next meeting. How did today feel?

AFTER THE MEETING
Staff will share a short summary in plain English within [one week].
We will report back on your ideas at the next meeting.
Questions? Contact [name] on [phone number or email].
""",
    },
}
