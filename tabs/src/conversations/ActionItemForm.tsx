import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FormEvent } from 'react';

import { ownerName } from './conversationLogic';
import type {
  ActionFields,
  ActionItemView,
  ActionOwner,
  ConversationPeople,
} from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { describeProblem, fieldErrorsFromProblem } from '../api/describeProblem';
import { fieldErrorsFromZod, fieldValidation } from '../forms/fieldErrors';
import type { FieldErrors } from '../forms/fieldErrors';
import { conversationSchemas } from '../forms/contractSchemas';
import { isStaleVersion } from '../common/StaleVersion';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, flexBasis: '140px', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface ActionItemFormProps {
  conversation: Pick<ConversationView, 'manager'>;
  people: ConversationPeople;
  /** The action being edited; none when adding. */
  item?: ActionItemView;
  /** Saves; a refusal keeps the form (and what was typed) open. */
  onSave(fields: ActionFields): Promise<void>;
  onCancel(): void;
  /** The save met a newer version: the section offers to load it, the form keeps its text. */
  onStale(error: unknown): void;
}

/** Add or change one agreed action: what, who does it, and by when. */
export function ActionItemForm({
  conversation,
  people,
  item,
  onSave,
  onCancel,
  onStale,
}: ActionItemFormProps) {
  const styles = useStyles();
  const [text, setText] = useState(item?.text ?? '');
  const [owner, setOwner] = useState<ActionOwner>(item?.owner ?? 'employee');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const { actionItemInputSchema } = await conversationSchemas();
    const parsed = actionItemInputSchema.safeParse({ text, owner, dueDate: dueDate || null });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setSaving(true);
    setErrors({});
    try {
      await onSave({
        text: parsed.data.text,
        owner: parsed.data.owner,
        dueDate: parsed.data.dueDate ?? null,
      });
    } catch (failure) {
      if (isStaleVersion(failure)) {
        onStale(failure);
      } else {
        const fields = fieldErrorsFromProblem(failure);
        const own = Object.fromEntries(
          Object.entries(fields).map(([path, message]) => [
            path.replace(/^actionItems\.\d+\./, ''),
            message,
          ]),
        );
        setErrors(Object.keys(own).length ? own : { '': describeProblem(failure).message });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={item ? `Change “${item.text}”` : 'New action'}
    >
      <Field label="Action" required {...fieldValidation(errors, 'text')}>
        <Input
          value={text}
          onChange={(_, data) => setText(data.value)}
          placeholder="e.g. Book the cloud architecture course"
        />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label="Who does it" {...fieldValidation(errors, 'owner')}>
          <Select
            value={owner}
            onChange={(_, data) => setOwner(data.value === 'manager' ? 'manager' : 'employee')}
          >
            <option value="employee">{ownerName('employee', conversation, people)}</option>
            <option value="manager">{ownerName('manager', conversation, people)}</option>
          </Select>
        </Field>
        <Field
          className={styles.grow}
          label="Due (optional)"
          {...fieldValidation(errors, 'dueDate')}
        >
          <Input type="date" value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
        </Field>
      </div>
      {errors[''] ? (
        <Text role="alert" size={200}>
          {errors['']}
        </Text>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabledFocusable={saving}>
          {saving ? 'Saving…' : item ? 'Save action' : 'Add action'}
        </Button>
        <Button size="small" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
