import type { BoardPerson } from '@contract/boardContract';
import { NameSearchPicker } from '../common/NameSearchPicker';
import { useSession } from '../common/session';

/**
 * A colleague, found by the start of their name in the organisation's directory (as the settings'
 * pilot picker finds groups). The API refuses anyone who cannot be chosen, and says why.
 */
export function PersonPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: BoardPerson | null;
  onChange(person: BoardPerson | null): void;
}) {
  const { api } = useSession();
  return (
    <NameSearchPicker<BoardPerson>
      search={(typed) => api.searchPeople(typed)}
      label={label}
      hint={value ? `Chosen: ${value.displayName}` : undefined}
      placeholder="Start of their name"
      button="Find"
      what="People"
      noneFound={(text) => `Nobody’s name starts with “${text}”. Check the spelling.`}
      resultsLabel="People found"
      chosenId={value?.id ?? null}
      choiceText={(person) =>
        person.jobTitle ? `${person.displayName}, ${person.jobTitle}` : person.displayName
      }
      onChoose={onChange}
      wide
    />
  );
}
