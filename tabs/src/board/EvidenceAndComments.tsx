import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CommentThread } from './CommentThread';
import { EvidenceLog } from './EvidenceLog';
import type { AspirationView, EvidenceInput } from '@contract/boardContract';

const useStyles = makeStyles({
  accordion: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  panel: { paddingBottom: tokens.spacingVerticalS },
});

export interface EvidenceAndCommentsProps {
  aspiration: AspirationView;
  canEdit: boolean;
  onAddEvidence(input: EvidenceInput): Promise<void>;
  onAddComment(text: string): Promise<void>;
}

/**
 * A card's "What I did" and "Comments" panels, collapsed: a chunk of its own, loaded once the card
 * is on screen (AspirationCard.tsx), so the first paint carries no accordion (nor tabster, the
 * keyboard navigation library it brings).
 */
export function EvidenceAndComments({
  aspiration,
  canEdit,
  onAddEvidence,
  onAddComment,
}: EvidenceAndCommentsProps) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible className={styles.accordion}>
      <AccordionItem value="evidence">
        <AccordionHeader as="h4" size="small">
          {`What I did (${aspiration.evidence.length})`}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <EvidenceLog aspiration={aspiration} canEdit={canEdit} onAdd={onAddEvidence} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="comments">
        <AccordionHeader as="h4" size="small">
          {`Comments (${aspiration.comments.length})`}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <CommentThread
            aspirationTitle={aspiration.title}
            comments={aspiration.comments}
            onAdd={onAddComment}
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
