import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MEDIUMTEXT, OWNED_BY, TIMESTAMP } from '../db/columns.js';
import { User } from '../users/user.entity.js';

/**
 * A customer list (issue 9): a saved filter with its columns and sort, mine
 * or shared with the team. The filter, columns and sort are stored as JSON
 * (they are read and written whole, never searched).
 */
@Entity('customer_lists')
@Index('ix_customer_lists_owner', ['ownerId'])
@Index('ix_customer_lists_shared', ['shared'])
export class CustomerListEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'owner_id', type: 'int' })
  @ForeignKey(() => User, { name: 'fk_customer_lists_owner', ...OWNED_BY })
  ownerId: number;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Column({ name: 'filter_json', ...MEDIUMTEXT })
  filterJson: string;

  @Column({ name: 'columns_json', ...MEDIUMTEXT })
  columnsJson: string;

  @Column({ name: 'sort_json', type: 'varchar', length: 255, nullable: true })
  sortJson: string | null;

  @Column({ name: 'created_at', ...TIMESTAMP })
  createdAt: Date;

  @Column({ name: 'updated_at', ...TIMESTAMP })
  updatedAt: Date;
}
