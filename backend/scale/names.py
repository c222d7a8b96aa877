"""Word lists for generated names: cooperatives, members and customers (fr and ar)."""

from __future__ import annotations

COOPERATIVE_WORDS = [
    ("Tifawin", "تيفاوين"),
    ("Amal", "أمل"),
    ("Nour", "نور"),
    ("Tamount", "تامونت"),
    ("Al Baraka", "البركة"),
    ("Tiwizi", "تويزي"),
    ("Annahda", "النهضة"),
    ("Taitmatine", "تايتماتين"),
    ("Assafa", "الصفاء"),
    ("Tazzerine", "تازارين"),
    ("Al Khair", "الخير"),
    ("Tilelli", "تيليلي"),
    ("Izorane", "إزوران"),
    ("Al Wafa", "الوفاء"),
    ("Tamaynout", "تامينوت"),
    ("Achbab", "الشباب"),
    ("Tanmia", "التنمية"),
    ("Agadir Ouzrou", "أكادير أوزرو"),
    ("Al Amal", "الأمل"),
    ("Imouzzer", "إموزار"),
]

FIRST_NAMES = [
    ("Fatima", "فاطمة"),
    ("Khadija", "خديجة"),
    ("Aicha", "عائشة"),
    ("Malika", "مليكة"),
    ("Zahra", "زهرة"),
    ("Naima", "نعيمة"),
    ("Rachida", "رشيدة"),
    ("Saida", "سعيدة"),
    ("Mohamed", "محمد"),
    ("Ahmed", "أحمد"),
    ("Youssef", "يوسف"),
    ("Hassan", "حسن"),
    ("Brahim", "إبراهيم"),
    ("Omar", "عمر"),
    ("Said", "سعيد"),
    ("Mustapha", "مصطفى"),
    ("Meryem", "مريم"),
    ("Hanane", "حنان"),
    ("Imane", "إيمان"),
    ("Samira", "سميرة"),
]

LAST_NAMES = [
    ("Amrani", "العمراني"),
    ("Benali", "بنعلي"),
    ("Idrissi", "الإدريسي"),
    ("Alaoui", "العلوي"),
    ("Ouhaddou", "أوحدو"),
    ("Aït Lahcen", "آيت لحسن"),
    ("Bouzid", "بوزيد"),
    ("Tazi", "التازي"),
    ("Berrada", "برادة"),
    ("El Fassi", "الفاسي"),
    ("Ouchen", "أوشن"),
    ("Amzil", "أمزيل"),
    ("Bakkali", "البقالي"),
    ("Chraibi", "الشرايبي"),
    ("Naciri", "الناصري"),
    ("Ait Baha", "آيت باها"),
]

STREETS = [
    "Rue Moulay Ismail",
    "Avenue Mohammed V",
    "Rue Ibn Battouta",
    "Derb Sidi Ahmed",
    "Avenue Hassan II",
    "Rue de la Kasbah",
    "Boulevard Zerktouni",
    "Rue Al Massira",
]
