import { PLACEHOLDER_NAMES } from '../../scripts-library/phrases/placeholders';
import type { PhraseProblem } from '../../scripts-library/phrases/phrase-validation';
import { t } from '../shared/i18n';

/** A validation problem as the agent reads it. */
export function problemText(p: PhraseProblem): string {
  switch (p.code) {
    case 'empty-title':
      return t('problem_empty_title');
    case 'title-too-long':
      return t('problem_title_too_long');
    case 'empty-body':
      return t('problem_empty_body');
    case 'body-too-long':
      return t('problem_body_too_long', String(p.length));
    case 'duplicate-code':
      return t('problem_duplicate_code', [p.shortcut, p.otherTitle]);
    case 'id-taken':
      return t('problem_id_taken', p.otherTitle);
    case 'bad-code':
      return t('problem_bad_code', p.shortcut);
    case 'unknown-placeholder':
      return t('problem_unknown_placeholder', [p.name, PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(' ')]);
    case 'unknown-stage':
      return t('problem_unknown_stage');
    case 'variant-too-long':
      return t('problem_variant_too_long', [String(p.index), String(p.length)]);
    case 'variant-repeats':
      return t('problem_variant_repeats', String(p.index));
    case 'tag-too-long':
      return t('problem_tag_too_long', [p.tag, String(p.max)]);
    case 'too-many-tags':
      return t('problem_too_many_tags', String(p.max));
    case 'lead-hours':
      return t('problem_lead_hours');
    case 'lead-word-too-long':
      return t('problem_lead_word_too_long', [p.word, String(p.max)]);
    case 'too-many-lead-words':
      return t('problem_too_many_lead_words', String(p.max));
  }
}
