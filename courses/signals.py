from django.dispatch import Signal

# Sent after the transaction that recorded a course completion commits; receivers get `enrolment`.
# Certificates and the completion e-mail hang on this, so progress does not need to know about them.
course_completed = Signal()
