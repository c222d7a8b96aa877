"""CoopStore's demo content and the code that seeds it (``python manage.py seed_demo``).

The demo accounts exist only because this package creates them; they all share one password.
"""

DEMO_PASSWORD = "coopstore-demo"
DEMO_EMAIL_DOMAIN = "demo.coopstore.ma"
