import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  EditRegular,
  MoreHorizontalRegular,
} from '@fluentui/react-icons';

import type { MoveDirection } from './boardLogic';

export interface OwnerMenuProps {
  title: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onEdit(): void;
  onDelete(): void;
  onMove(direction: MoveDirection): void;
  /** Opened already: the person pressed the button before this menu had loaded. */
  defaultOpen: boolean;
}

/**
 * Opens a dialog once the menu has closed and handed focus back to its button, so the dialog takes
 * focus from there (and returns it there) instead of racing the menu for it.
 */
const afterMenuCloses = (open: () => void) => () => window.setTimeout(open, 0);

/** The owner's actions on one card: edit, reorder, delete. */
export function OwnerMenu({
  title,
  canMoveUp,
  canMoveDown,
  onEdit,
  onDelete,
  onMove,
  defaultOpen,
}: OwnerMenuProps) {
  return (
    <Menu positioning="below-end" defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={`Actions for “${title}”`}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<EditRegular />} onClick={afterMenuCloses(onEdit)}>
            Edit
          </MenuItem>
          <MenuItem icon={<ArrowUpRegular />} disabled={!canMoveUp} onClick={() => onMove('up')}>
            Move up
          </MenuItem>
          <MenuItem
            icon={<ArrowDownRegular />}
            disabled={!canMoveDown}
            onClick={() => onMove('down')}
          >
            Move down
          </MenuItem>
          <MenuItem icon={<DeleteRegular />} onClick={afterMenuCloses(onDelete)}>
            Delete…
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
