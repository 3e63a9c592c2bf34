from django.dispatch import Signal

# Sent once when a course completion is recorded; receivers get `enrolment` (enqueue work with
# academy.tasks.enqueue, which waits for the transaction to commit).
# Certificates and the completion e-mail hang on this, so progress does not need to know about them.
course_completed = Signal()
