from django.dispatch import Signal

# Sent when a professional passes a quiz (once per passing attempt); receivers get `user` and `quiz`.
# The courses app marks the quiz done in the professional's progress; modules need not know about it.
quiz_passed = Signal()
