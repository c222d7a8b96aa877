"""The network admin's KPI dashboard: sales by region and month, women- and youth-led shares,
fair-pay totals by payee type and food-kilometres, from aggregate queries (``selectors``)."""
