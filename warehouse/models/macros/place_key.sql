-- place_key(name): a name folded as the matcher folds place names (transforms/entities/keys.py,
-- place_key), so that a typed spelling meets places.name_keys:
--   select * from places where list_contains(name_keys, place_key('Deir-ez-Zor'));
-- Steps as in keys.py: accents stripped, lower case, possessive 's and ayn/hamza marks dropped,
-- split on anything but a-z and 0-9; an Arabic article token dropped unless last; per token
-- (_pk_fold): a glued article split off ("ezzor" -> "zor"), vowel and consonant alternations
-- folded, a final h after a vowel dropped, doubled letters collapsed.
create or replace macro _pk_tokens(name) as list_filter(
    regexp_split_to_array(
        regexp_replace(
            lower(strip_accents(replace(regexp_replace(name, '[''’]s\b', '', 'gi'), '´', ' '))),
            '[''’‘`ʿʾʼʻ]', '', 'g'
        ),
        '[^a-z0-9]+'
    ),
    lambda t: t != ''
);

create or replace macro _pk_articles(toks) as list_filter(
    toks,
    lambda t, i: not (
        i < len(toks)
        and t in ('al', 'el', 'ul', 'il', 'ad', 'ar', 'as', 'ash', 'ach', 'ech', 'esh', 'az',
                  'ez', 'es', 'ed', 'er', 'at', 'ath', 'adh', 'an', 'en', 'et')
    )
);

create or replace macro _pk_glued(t) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(t,
        '^ett([a-z]{2})', 't\1'), '^edd([a-z]{2})', 'd\1'), '^err([a-z]{2})', 'r\1'),
        '^ezz([a-z]{2})', 'z\1'), '^ess([a-z]{2})', 's\1'), '^enn([a-z]{2})', 'n\1'),
        '^ell([a-z]{2})', 'l\1');

create or replace macro _pk_vowels(t) as
    replace(replace(replace(replace(
        regexp_replace(regexp_replace(
            replace(replace(replace(replace(replace(t, 'ou', 'u'), 'oo', 'u'), 'ee', 'i'),
                'ie', 'i'), 'dj', 'j'),
            '([aeiou])w([aeiou])', '\1u\2', 'g'), '([aeiou])w([aeiou])', '\1u\2', 'g'),
        'ei', 'ai'), 'ey', 'ai'), 'ay', 'ai'), 'ae', 'ai');

create or replace macro _pk_consonants(t) as
    replace(replace(replace(replace(replace(replace(
        regexp_replace(t, 'aw([^aeiouy]|$)', 'u\1', 'g'),
        'ph', 'f'), 'dh', 'z'), 'ch', 'sh'), 'q', 'k'), 'e', 'a'), 'o', 'u');

create or replace macro _pk_inner_y(t) as
    left(t, 1) || regexp_replace(regexp_replace(
        substr(t, 2), '([a-z])y([a-z])', '\1i\2', 'g'), '([a-z])y([a-z])', '\1i\2', 'g');

create or replace macro _pk_single(t) as array_to_string(
    list_filter(string_split(t, ''), lambda c, i: i = 1 or c != string_split(t, '')[i - 1]),
    ''
);

create or replace macro _pk_fold(t) as _pk_single(
    regexp_replace(_pk_inner_y(_pk_consonants(_pk_vowels(_pk_glued(t)))), '^(.{2,}[aiu])h$', '\1')
);

create or replace macro place_key(name) as array_to_string(
    list_filter(list_transform(_pk_articles(_pk_tokens(name)), lambda t: _pk_fold(t)),
                lambda t: t != ''),
    ' '
);
