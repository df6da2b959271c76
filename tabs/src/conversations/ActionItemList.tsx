import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';

import { ownerName } from './conversationLogic';
import { actionItemForm } from './deferredConversations';
import type { ActionFields, ActionItemView, ConversationPeople } from './conversationLogic';
import type { ConversationView } from '@contract/conversationContract';
import { formatCalendarDate } from '../common/format';

/** The add/change form (and Fluent's select) loads when someone first adds or changes an action. */
const ActionItemForm = lazy(() =>
  actionItemForm.load().then((m) => ({ default: m.ActionItemForm })),
);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  itemBody: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  // Lines the owner up with the checkbox label, not the box.
  meta: { paddingLeft: '36px', overflowWrap: 'anywhere' },
  text: { overflowWrap: 'anywhere' },
  doneText: {
    overflowWrap: 'anywhere',
    textDecorationLine: 'line-through',
    color: tokens.colorNeutralForeground2,
  },
  buttons: { display: 'flex', flexShrink: 0 },
});

export interface ActionItemListProps {
  conversation: ConversationView;
  people: ConversationPeople;
  onAdd(fields: ActionFields): Promise<void>;
  onEdit(itemId: string, fields: ActionFields): Promise<void>;
  onToggle(itemId: string, done: boolean): void;
  onRemove(itemId: string): Promise<void>;
  onStale(error: unknown): void;
}

/** What the two agreed to do: both can add, change, tick off and remove actions. */
export function ActionItemList(props: ActionItemListProps) {
  const { conversation, people, onAdd, onEdit, onStale } = props;
  const styles = useStyles();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the form it was in has closed (an element id). */
  const focusNext = useRef<string | null>(null);
  const editButtonId = (itemId: string) => `${headingId}-edit-${itemId}`;
  const addButtonId = `${headingId}-add`;

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const closeForm = (focusId: string | null) => {
    focusNext.current = focusId;
    setAdding(false);
    setEditing(null);
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h4" id={headingId} weight="semibold" size={300} className={styles.title}>
        Agreed actions
      </Text>
      {conversation.actionItems.length === 0 && !adding ? (
        <Caption1>No actions agreed yet.</Caption1>
      ) : null}
      {conversation.actionItems.length > 0 ? (
        <ul className={styles.list}>
          {conversation.actionItems.map((item) => (
            <li key={item.id}>
              {editing === item.id ? (
                <Suspense fallback={null}>
                  <ActionItemForm
                    conversation={conversation}
                    people={people}
                    item={item}
                    onSave={async (fields) => {
                      await onEdit(item.id, fields);
                      closeForm(editButtonId(item.id));
                    }}
                    onCancel={() => closeForm(editButtonId(item.id))}
                    onStale={onStale}
                  />
                </Suspense>
              ) : (
                <ActionItemRow
                  {...props}
                  item={item}
                  editButtonId={editButtonId(item.id)}
                  onStartEdit={() => {
                    setAdding(false);
                    setEditing(item.id);
                  }}
                  onRemoved={() => {
                    focusNext.current = null;
                    addButton.current?.focus();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <Suspense fallback={null}>
          <ActionItemForm
            conversation={conversation}
            people={people}
            onSave={async (fields) => {
              await onAdd(fields);
              closeForm(addButtonId);
            }}
            onCancel={() => closeForm(addButtonId)}
            onStale={onStale}
          />
        </Suspense>
      ) : (
        <div>
          <Button
            ref={addButton}
            id={addButtonId}
            size="small"
            icon={<AddRegular />}
            onClick={() => {
              setEditing(null);
              setAdding(true);
            }}
          >
            Add an action
          </Button>
        </div>
      )}
    </section>
  );
}

interface ActionItemRowProps extends ActionItemListProps {
  item: ActionItemView;
  editButtonId: string;
  onStartEdit(): void;
  onRemoved(): void;
}

function ActionItemRow({
  conversation,
  people,
  item,
  editButtonId,
  onToggle,
  onRemove,
  onStartEdit,
  onRemoved,
}: ActionItemRowProps) {
  const styles = useStyles();
  const [removing, setRemoving] = useState(false);
  const meta = [
    `Owner: ${ownerName(item.owner, conversation, people)}`,
    item.dueDate ? `Due ${formatCalendarDate(item.dueDate)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className={styles.item}>
      <div className={styles.itemBody}>
        <Checkbox
          checked={item.done}
          label={<span className={item.done ? styles.doneText : styles.text}>{item.text}</span>}
          onChange={(_, data) => onToggle(item.id, data.checked === true)}
        />
        <Caption1 className={styles.meta}>{meta}</Caption1>
      </div>
      <div className={styles.buttons}>
        <Button
          id={editButtonId}
          size="small"
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={`Edit “${item.text}”`}
          onClick={onStartEdit}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={`Remove “${item.text}”`}
          disabledFocusable={removing}
          onClick={() => {
            setRemoving(true);
            onRemove(item.id).then(onRemoved, () => setRemoving(false));
          }}
        />
      </div>
    </div>
  );
}
