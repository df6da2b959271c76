import {
  Avatar,
  Button,
  Caption1,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

import type { CommentView } from '@contract/boardContract';
import { formatDay } from '../common/format';
import { useTextSubmit } from '../forms/useTextSubmit';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  comment: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
  },
  field: { alignSelf: 'stretch' },
});

export interface CommentThreadProps {
  aspirationTitle: string;
  comments: CommentView[];
  onAdd(text: string): Promise<void>;
}

/** The conversation about one aspiration, between the employee and their manager. */
export function CommentThread({ aspirationTitle, comments, onAdd }: CommentThreadProps) {
  const styles = useStyles();
  const { text, setText, error, saving, submit } = useTextSubmit(
    (schemas) => schemas.commentInputSchema,
    'Check the comment.',
    onAdd,
  );

  return (
    <div className={styles.root}>
      {comments.length > 0 ? (
        <ul className={styles.list}>
          {comments.map((comment) => (
            <li key={comment.id} className={styles.comment}>
              <Avatar name={comment.author.displayName} size={24} aria-hidden />
              <div className={styles.body}>
                <Caption1>
                  <Text weight="semibold" size={200}>
                    {comment.author.displayName}
                  </Text>{' '}
                  · {formatDay(comment.createdAt)}
                </Caption1>
                <Text className={styles.text}>{comment.text}</Text>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Caption1>No comments yet.</Caption1>
      )}
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        <Field
          className={styles.field}
          label={`Comment on “${aspirationTitle}”`}
          validationState={error ? 'error' : 'none'}
          validationMessage={error ?? undefined}
        >
          <Textarea
            value={text}
            onChange={(_, data) => setText(data.value)}
            resize="vertical"
            readOnly={saving}
          />
        </Field>
        <Button type="submit" size="small" disabled={saving || text.trim() === ''}>
          {saving ? 'Posting…' : 'Post comment'}
        </Button>
      </form>
    </div>
  );
}
