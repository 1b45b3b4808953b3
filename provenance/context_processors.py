from __future__ import annotations

from django.http import HttpRequest

from provenance import roles as r


def roles(request: HttpRequest) -> dict[str, object]:
    """Expose what the signed-in user may use, for the navigation."""
    user = request.user
    return {
        "user_roles": sorted(r.roles_of(user)),
        "nav": {
            "can_view": r.has_any_role(user),
            "can_upload": r.can_upload(user),
            "can_annotate": r.can_annotate(user),
            "can_share": r.can_share(user),
            "can_manage_users": r.can_manage_users(user),
            "is_staff": bool(getattr(user, "is_staff", False)),
        },
    }
