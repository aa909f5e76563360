"""Every cap the identifier-file reader puts on a file, and why.

The file comes from outside and is treated as hostile: whatever it holds, reading it must stay within a few hundred
megabytes and a few seconds. Each cap is far above what a real export holds (a large cité scolaire: about 30,000
people, a few MB, a dozen element names, 3 to 6 levels) and low enough that the worst file under all of them together
still fits the budget measured by `bench/check_hostile.py`. A file past a cap is refused with one French sentence
(`safety`), never read in part.
"""
from __future__ import annotations

# The whole file. 100,000 people in the documented layout take 15 MB; 200 MB is far beyond any real export.
MAX_FILE_SIZE = 200 * 1024 * 1024

# People in one file: about 7 times the largest school, twice the 100,000 of the benchmark. What is kept per person
# while checking (a hash of the identifier and its line, a keyed hash in a partial import) is about 200 bytes.
MAX_PEOPLE = 200_000

# One value read as a person's field (identifier, name, date, profile, UAI): a name is never 1,000 characters long.
MAX_FIELD = 1_000

# Bytes in a row without a « < »: bounds a start tag (libxml2 builds all its attributes, some 300 bytes each, before
# anyone can look at them) and a run of text. A start tag of 256 KB holds at most some 40,000 attributes.
MAX_RUN = 256 * 1024

# Text held by the elements still open (text before their first child, or after their last one) at any moment:
# CDATA sections and comments can hide « < » in a text, so the run above does not bound it alone.
MAX_OPEN_TEXT = 1024 * 1024

# Levels of nesting: real layouts are 3 to 6 deep (libxml2 alone would stop at 256).
MAX_DEPTH = 64

# Attributes on one element: a person carries fewer than 20. Also keeps `Element.items()`-like work linear.
MAX_ATTRIBUTES = 256

# Distinct element and attribute names (namespace included), and their length. lxml keeps every name it meets in a
# dictionary that lives as long as the thread, so millions of names would be kept even after the elements are freed.
MAX_ELEMENT_NAMES = 1_000
MAX_ATTRIBUTE_NAMES = 1_000
MAX_NAME = 512

# Namespace declarations (`xmlns`) and processing instructions (`<?…?>`) in the whole file, counted on the bytes:
# their prefixes, URIs and targets also go to lxml's dictionary, where no event shows them. A PRONOTE export has one
# of each.
MAX_NAMESPACE_DECLARATIONS = 100
MAX_PROCESSING_INSTRUCTIONS = 100

# Findings listed per code; beyond, they are counted (`Report.finding_counts`) and one finding says how many more.
# A whole school already imported (partial import) gives one finding per person, some 30,000 at most.
MAX_FINDINGS_PER_CODE = 50_000

# A partial export whose people were (nearly) all imported before is one blocking finding, not one warning per person
# (findings.everybody_already_imported): the box « Uniquement les utilisateurs sans identifiants CAS » was left
# unticked. « Nearly all »: at least this share of the file's distinct identifiers, and at least EVERYBODY_MINIMUM
# people. A correct partial export lists newcomers only (the tutorial); one that lists everybody in November still
# has 85–95 % of old hands (newcomers since the rentrée are rarely more than a tenth of a school). Below the
# minimum, a few individual warnings are short enough to read one by one.
EVERYBODY_SHARE = 0.9
EVERYBODY_MINIMUM = 10

# Generic layouts: records of a shape not yet known to be people (no element of it has had all three fields) wait,
# in memory, for one that has. Their budget, in characters plus 64 per record; past it, the shape is not people.
MAX_PENDING = 2_000_000
MAX_SHAPES = 1_000  # distinct (container, record) element pairs carrying a person's field

# Links from one pupil to its parents kept (documented layout, `load_people_and_links`): a pupil has a few.
MAX_LINKS_PER_PUPIL = 32

# Distinct UAI values remembered (with their first line) from the file.
MAX_UAIS = 100

# What precedes the root element, read before parsing to refuse a DOCTYPE: a declaration and perhaps a comment.
MAX_PROLOG = 64 * 1024
